/**
 * 就诊与费用明细 (visits with fee details), as hospitals settle: the admission (入院办理, or 挂号 for an
 * outpatient visit) that fixes the person's cover on its date, the fee details uploaded in batches
 * (费用明细上传) and revoked (撤销), the discharge (出院办理), the withdrawal of an admission (入院撤销), and
 * the pre-settlement and settlement of the uploaded lines through the settlement saga. Entry point:
 * {@link cn.medins.reimbursement.visit.VisitResource}; the visit table's SQL is
 * {@link cn.medins.reimbursement.visit.VisitRepository}'s, the fee_line table's
 * {@link cn.medins.reimbursement.visit.FeeLineRepository}'s; refusals and their codes are
 * {@link cn.medins.reimbursement.visit.VisitProblems}.
 */
package cn.medins.reimbursement.visit;
