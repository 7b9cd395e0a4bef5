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
 * 大额/大病保险, the second payer: on the person's yearly in-scope burden above a threshold, by bands,
 * up to a yearly cap; tilted (大病保险倾斜) for the categories of people in hardship the policy names.
 * Each step is written to the trace.
 */
final class CatastrophicCover {

    /** The burden this settlement adds to the year's base, and what catastrophic insurance pays of it. */
    /** {@code capLeft}: the yearly cap's rest before this bill, where a cap limited the payment (else null). */
    record Paid(BigDecimal base, BigDecimal paid, BigDecimal capLeft) {
        Paid(BigDecimal base, BigDecimal paid) {
            this(base, paid, null);
        }
    }

    private CatastrophicCover() {
    }


    /**
     * 大额/大病保险: the person's in-scope burden accumulates over the year; of the accumulation, the
     * part above the threshold is paid by the bands, up to the yearly cap. This settlement pays what
     * the bands owe on the year's live base after it minus what the year's live settlements were
     * already paid: measured against payments rather than against what the bands owed before it, a
     * stay cancelled and settled again is not paid a second time what the others already hold.
     */
    static Paid pay(List<String> trace, SettlementInput in, String category, UnaryOperator<BigDecimal> reduce,
                    BigDecimal base) {
        PolicyDocument.Catastrophic policy = tilted(trace, in.policy(), category, in.policy().catastrophic());
        if (policy == null) {
            return new Paid(base, Money.ZERO);
        }
        BigDecimal before = in.accumulators().catastrophicBurden();
        BigDecimal after = before.add(base);
        trace.add("catastrophic (大病保险): yearly in-scope burden " + yuan(before) + " + " + yuan(base) + " = "
                + yuan(after) + ", threshold " + yuan(policy.threshold()));
        if (after.compareTo(policy.threshold()) <= 0) {
            return new Paid(base, Money.ZERO);
        }
        BigDecimal owed = dueAbove(trace, policy, after, reduce);
        BigDecimal paidBefore = in.accumulators().catastrophicPaid();
        BigDecimal due = owed.subtract(paidBefore).min(base).max(Money.ZERO);
        if (paidBefore.signum() > 0) {
            trace.add("catastrophic owed on the year " + yuan(owed) + " - already paid this year " + yuan(paidBefore)
                    + " = " + yuan(due));
        }
        if (policy.annualCap() == null) {
            trace.add("catastrophic pays " + yuan(due) + " (no yearly cap for " + category + ")");
            return new Paid(base, due);
        }
        return new Paid(base, FundLimits.capped(trace, due, policy.annualCap(), paidBefore, "catastrophic"),
                FundLimits.left(policy.annualCap(), paidBefore));
    }

    /**
     * 大病保险倾斜 for the person's category: threshold x factor, every band + bonus (at most 100%), and
     * no yearly cap (null) when the policy removes it; else the policy's own.
     */
    private static PolicyDocument.Catastrophic tilted(List<String> trace, PolicyDocument document, String category,
                                                      PolicyDocument.Catastrophic policy) {
        PolicyDocument.Assistance assistance = document.assistance();
        if (policy == null || assistance == null || !assistance.tiltsCatastrophic(category)) {
            return policy;
        }
        PolicyDocument.CatastrophicTilt tilt = assistance.catastrophicTilt();
        List<Band> bands = policy.bands().stream().map(b -> new Band(b.upTo(),
                b.ratio().add(tilt.ratioBonus()).min(BigDecimal.ONE))).toList();
        BigDecimal threshold = round(policy.threshold().multiply(tilt.thresholdFactor()));
        trace.add("catastrophic tilt (大病保险倾斜) for " + category + ": threshold " + yuan(policy.threshold()) + " x "
                + tilt.thresholdFactor().stripTrailingZeros().toPlainString() + " = " + yuan(threshold) + ", bands + "
                + percent(tilt.ratioBonus()) + (tilt.removesCap() ? ", no yearly cap" : ""));
        return new PolicyDocument.Catastrophic(threshold, bands, tilt.removesCap() ? null : policy.annualCap(),
                policy.bandBasis());
    }

    private static BigDecimal dueAbove(List<String> trace, PolicyDocument.Catastrophic policy, BigDecimal burden,
                                       UnaryOperator<BigDecimal> reduce) {
        if (policy.basis() == PolicyDocument.CatastrophicBandBasis.BURDEN) {
            return FundLimits.banded(trace, policy.bands(), burden, policy.threshold(), reduce);
        }
        return FundLimits.banded(trace, policy.bands(), burden.subtract(policy.threshold()).max(Money.ZERO),
                BigDecimal.ZERO, reduce);
    }
}
