package cn.medins.reimbursement.calculation;

import cn.medins.common.money.Money;
import java.math.BigDecimal;

/**
 * What medical assistance (医疗救助) paid for one bill: the category it was paid as (null: none), the
 * stage-1 deductible it consumed, stage 1 and the tilted stage (倾斜救助); {@code used} is what it adds
 * to the person's yearly assistance use.
 */
public record AssistancePaid(String category, BigDecimal deductibleApplied, BigDecimal ordinaryPaid,
                             BigDecimal tiltedPaid, AssistanceUse used) {

    public static final AssistancePaid NONE = new AssistancePaid(null, Money.ZERO, Money.ZERO, Money.ZERO,
            AssistanceUse.NONE);

    public BigDecimal total() {
        return ordinaryPaid.add(tiltedPaid);
    }
}
