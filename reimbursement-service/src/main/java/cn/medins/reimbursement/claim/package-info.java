/**
 * 手工报销 (reimbursement claims): care paid in full where it could not be settled directly.
 * Entry points: {@link cn.medins.reimbursement.claim.ClaimResource} (submit, approve, reject),
 * {@link cn.medins.reimbursement.claim.ClaimService}. A claim is a {@code Settlement} in state
 * SUBMITTED; it holds its yearly quotas and invoices until reviewed.
 */
package cn.medins.reimbursement.claim;
