package cn.medins.reimbursement.calculation;

import cn.medins.common.money.Money;
import java.math.BigDecimal;

/**
 * A person's yearly use of the pooled fund (年度累计), or a change to it made by one settlement.
 * Quotas reset each year and never carry over.
 */
public record Accumulators(BigDecimal inpatientFundPaid, BigDecimal outpatientDeductibleUsed,
                           BigDecimal outpatientFundPaid, BigDecimal catastrophicBurden,
                           BigDecimal catastrophicPaid, int admissions) {

    public static final Accumulators NONE = new Accumulators(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
            Money.ZERO, 0);

    public Accumulators plus(Accumulators d) {
        return new Accumulators(inpatientFundPaid.add(d.inpatientFundPaid),
                outpatientDeductibleUsed.add(d.outpatientDeductibleUsed), outpatientFundPaid.add(d.outpatientFundPaid),
                catastrophicBurden.add(d.catastrophicBurden), catastrophicPaid.add(d.catastrophicPaid),
                admissions + d.admissions);
    }

    public Accumulators minus(Accumulators d) {
        return new Accumulators(inpatientFundPaid.subtract(d.inpatientFundPaid),
                outpatientDeductibleUsed.subtract(d.outpatientDeductibleUsed),
                outpatientFundPaid.subtract(d.outpatientFundPaid), catastrophicBurden.subtract(d.catastrophicBurden),
                catastrophicPaid.subtract(d.catastrophicPaid), admissions - d.admissions);
    }
}
