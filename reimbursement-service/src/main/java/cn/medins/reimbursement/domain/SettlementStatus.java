package cn.medins.reimbursement.domain;

/**
 * PENDING: computed and holding its quotas while the account payment is under way; COMPLETED;
 * CANCELLING: the account refund is under way (still holding its quotas); CANCELLED (撤销, quotas and
 * account payment returned); FAILED (voided, nothing kept). A claim (手工报销) is SUBMITTED (holding its
 * quotas) until the agency approves it (COMPLETED) or rejects it (REJECTED, quotas returned).
 */
public enum SettlementStatus {
    PENDING, COMPLETED, CANCELLING, CANCELLED, FAILED, SUBMITTED, REJECTED
}
