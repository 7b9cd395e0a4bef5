package cn.medins.reimbursement.settlement;

import cn.medins.common.money.NonNegativeAmount;
import java.math.BigDecimal;

/**
 * How to settle (or preview) a visit's uploaded fee lines: whether the personal account pays, or a
 * bound relative's (家庭共济), and the injury cause (default ILLNESS); {@code expectedTotalAmount}, when
 * given, the bill's total as the institution has it: the uploaded lines must total it (409
 * TOTAL_MISMATCH), read under the settlement's own lock.
 */
public record VisitSettlementRequest(boolean useAccount, Long familyPayerPersonId, InjuryCause injuryCause,
                                     @NonNegativeAmount BigDecimal expectedTotalAmount) {
}
