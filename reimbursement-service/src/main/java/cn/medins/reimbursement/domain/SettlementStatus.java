package cn.medins.reimbursement.domain;

/**
 * PENDING: computed and holding its quotas while the account payment is under way; COMPLETED;
 * CANCELLED (撤销, quotas and account payment returned); FAILED (voided, nothing kept).
 */
public enum SettlementStatus {
    PENDING, COMPLETED, CANCELLED, FAILED
}
