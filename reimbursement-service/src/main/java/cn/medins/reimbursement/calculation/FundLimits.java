package cn.medins.reimbursement.calculation;

import static cn.medins.reimbursement.calculation.SettlementCalculator.percent;
import static cn.medins.reimbursement.calculation.SettlementCalculator.round;
import static cn.medins.reimbursement.calculation.SettlementCalculator.yuan;

import cn.medins.common.money.Money;
import cn.medins.reimbursement.calculation.PolicyDocument.Band;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The two limits every fund payment goes through: a table of bands paid segment by segment, and a
 * yearly cap. Each step is written to the calculation's trace.
 */
final class FundLimits {

    private FundLimits() {
    }

    /**
     * 分段累进: each segment of {@code amount} at its band's ratio, like income tax. Bands start at 0,
     * but nothing below {@code start} is paid: a table written on the eligible amount starts at the
     * deductible, one written on the year's burden at the threshold (a band wholly below it pays nothing).
     */
    static BigDecimal banded(List<String> trace, List<Band> bands, BigDecimal amount, BigDecimal start,
                             UnaryOperator<BigDecimal> ratioOf) {
        BigDecimal lower = BigDecimal.ZERO;
        BigDecimal paid = Money.ZERO;
        for (Band band : bands) {
            if (amount.compareTo(lower) <= 0) {
                break;
            }
            BigDecimal upper = band.upTo() == null ? amount : amount.min(band.upTo());
            BigDecimal from = lower.max(start);
            if (upper.compareTo(from) > 0) {
                BigDecimal portion = upper.subtract(from);
                BigDecimal ratio = ratioOf.apply(band.ratio());
                BigDecimal part = round(portion.multiply(ratio));
                String segment = band.upTo() == null ? "above " + yuan(from) : yuan(from) + " to " + yuan(band.upTo());
                trace.add("  " + segment + ": " + yuan(portion) + " x " + percent(ratio) + " = " + yuan(part));
                paid = paid.add(part);
            }
            lower = band.upTo() == null ? amount : band.upTo();
        }
        return paid;
    }

    /** What is left of a yearly cap (年度最高支付限额) once {@code usedThisYear} is paid. */
    static BigDecimal left(BigDecimal annualCap, BigDecimal usedThisYear) {
        return round(annualCap.subtract(usedThisYear).max(Money.ZERO));
    }

    /** At most what is left of the yearly cap (年度最高支付限额). */
    static BigDecimal capped(List<String> trace, BigDecimal amount, BigDecimal annualCap, BigDecimal usedThisYear,
                             String what) {
        BigDecimal left = left(annualCap, usedThisYear);
        if (amount.compareTo(left) <= 0) {
            trace.add(what + " fund pays " + yuan(amount) + " (yearly cap " + yuan(annualCap) + ", "
                    + yuan(left) + " left)");
            return amount;
        }
        trace.add(what + " fund pays " + yuan(amount) + ", limited by the yearly cap (年度最高支付限额) "
                + yuan(annualCap) + " to the " + yuan(left) + " left");
        return round(left);
    }
}
