package cn.medins.reimbursement.calculation;

import cn.medins.common.money.Money;
import java.math.BigDecimal;

/**
 * A person's yearly use of medical assistance (医疗救助年度累计), or a change to it made by one
 * settlement: the category's deductible used and what it paid, the tilted stage's (倾斜救助) likewise,
 * and what ordinary outpatient care received of either (its own yearly cap).
 */
public record AssistanceUse(BigDecimal deductibleUsed, BigDecimal paid, BigDecimal tiltedDeductibleUsed,
                            BigDecimal tiltedPaid, BigDecimal outpatientPaid) {

    public static final AssistanceUse NONE = new AssistanceUse(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
            Money.ZERO);

    public AssistanceUse plus(AssistanceUse d) {
        return new AssistanceUse(deductibleUsed.add(d.deductibleUsed), paid.add(d.paid),
                tiltedDeductibleUsed.add(d.tiltedDeductibleUsed), tiltedPaid.add(d.tiltedPaid),
                outpatientPaid.add(d.outpatientPaid));
    }

    public AssistanceUse minus(AssistanceUse d) {
        return new AssistanceUse(deductibleUsed.subtract(d.deductibleUsed), paid.subtract(d.paid),
                tiltedDeductibleUsed.subtract(d.tiltedDeductibleUsed), tiltedPaid.subtract(d.tiltedPaid),
                outpatientPaid.subtract(d.outpatientPaid));
    }

    public BigDecimal total() {
        return paid.add(tiltedPaid);
    }
}
