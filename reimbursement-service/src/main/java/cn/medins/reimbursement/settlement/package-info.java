/**
 * 结算 (settlement at the counter): preview (预结算), settle, cancel (撤销) and recover, as a saga
 * across this service and account-service. Entry points:
 * {@link cn.medins.reimbursement.settlement.SettlementResource} and
 * {@link cn.medins.reimbursement.settlement.SettlementService}; the saga's transactions are declared in
 * {@link cn.medins.reimbursement.settlement.SettlementLedger}, its remote steps in
 * {@link cn.medins.reimbursement.settlement.AccountPayment}, its recovery in
 * {@link cn.medins.reimbursement.settlement.SettlementRecovery}. Owns the settlement and claim_invoice
 * tables ({@link cn.medins.reimbursement.settlement.SettlementRepository},
 * {@link cn.medins.reimbursement.settlement.InvoiceRegister}); refusals and their codes are
 * {@link cn.medins.reimbursement.settlement.SettlementProblems}.
 */
package cn.medins.reimbursement.settlement;
