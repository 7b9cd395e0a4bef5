package cn.medins.reimbursement.calculation;

import cn.medins.common.money.Money;
import java.math.BigDecimal;

/**
 * A person's yearly use of one chronic disease's quotas (门诊慢特病: the disease's deductible and
 * yearly cap), or a change to it made by one settlement.
 */
public record ChronicUse(BigDecimal deductibleUsed, BigDecimal fundPaid) {

    public static final ChronicUse NONE = new ChronicUse(Money.ZERO, Money.ZERO);

    public ChronicUse plus(ChronicUse d) {
        return new ChronicUse(deductibleUsed.add(d.deductibleUsed), fundPaid.add(d.fundPaid));
    }

    public ChronicUse negated() {
        return new ChronicUse(deductibleUsed.negate(), fundPaid.negate());
    }
}
