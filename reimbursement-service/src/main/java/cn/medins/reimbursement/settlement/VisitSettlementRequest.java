package cn.medins.reimbursement.settlement;

/**
 * How to settle (or preview) a visit's uploaded fee lines: whether the personal account pays, or a
 * bound relative's (家庭共济), and the injury cause (default ILLNESS).
 */
public record VisitSettlementRequest(boolean useAccount, Long familyPayerPersonId, InjuryCause injuryCause) {
}
