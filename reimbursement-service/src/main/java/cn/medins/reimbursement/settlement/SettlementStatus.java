package cn.medins.reimbursement.settlement;

import java.util.List;

/**
 * PENDING: computed and holding its quotas while the account payment is under way; COMPLETED;
 * CANCELLING: the account refund is under way (still holding its quotas); CANCELLED (撤销, quotas and
 * account payment returned); FAILED (voided, nothing kept). A claim (手工报销) is SUBMITTED (holding its
 * quotas) until the agency approves it (COMPLETED) or rejects it (REJECTED, quotas returned).
 */
public enum SettlementStatus {
    PENDING, COMPLETED, CANCELLING, CANCELLED, FAILED, SUBMITTED, REJECTED;

    /** The statuses in which a settlement holds its visit (the unique index {@code settlement_once_per_visit}). */
    public static final List<SettlementStatus> LIVE = List.of(PENDING, COMPLETED, CANCELLING, SUBMITTED);
}
