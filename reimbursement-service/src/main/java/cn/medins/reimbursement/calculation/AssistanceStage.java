package cn.medins.reimbursement.calculation;

import static cn.medins.reimbursement.calculation.SettlementCalculator.percent;
import static cn.medins.reimbursement.calculation.SettlementCalculator.round;
import static cn.medins.reimbursement.calculation.SettlementCalculator.yuan;

import cn.medins.common.money.Money;
import cn.medins.reimbursement.calculation.PolicyDocument.Assistance;
import cn.medins.reimbursement.calculation.PolicyDocument.AssistanceRule;
import cn.medins.reimbursement.calculation.PolicyDocument.TiltedAssistance;
import java.math.BigDecimal;
import java.util.List;

/**
 * 医疗救助, the third payer (docs/rules.md section 10), on what the person still bears in scope after
 * the pooled fund and catastrophic insurance: stage 1 by the category's yearly deductible, ratio and
 * cap (ordinary outpatient also within {@code outpatientAnnualCap}); then, for the tilted categories,
 * a second stage (倾斜救助) on what stage 1 left, by its own deductible, ratio and cap. Each step is
 * written to the trace.
 */
final class AssistanceStage {

    private AssistanceStage() {
    }

    static AssistancePaid pay(List<String> trace, Assistance policy, String category, AssistanceUse year,
                              BigDecimal base, boolean ordinaryOutpatient) {
        AssistanceRule rule = policy.categories().get(category);
        trace.add("medical assistance (医疗救助) as " + category + ": in-scope burden after the insurance funds "
                + yuan(base));
        BigDecimal outpatientLeft = ordinaryOutpatient && policy.outpatientAnnualCap() != null
                ? policy.outpatientAnnualCap().subtract(year.outpatientPaid()).max(Money.ZERO) : null;
        BigDecimal applied = Money.ZERO;
        BigDecimal ordinary = Money.ZERO;
        if (rule != null) {
            applied = base.min(round(rule.deductible().subtract(year.deductibleUsed()).max(Money.ZERO)));
            BigDecimal above = base.subtract(applied);
            BigDecimal due = round(above.multiply(rule.ratio()));
            trace.add("  stage 1: " + yuan(base) + " - yearly deductible left " + yuan(applied) + " = " + yuan(above)
                    + "; x " + percent(rule.ratio()) + " = " + yuan(due));
            ordinary = limit(trace, FundLimits.capped(trace, due, rule.annualCap(), year.paid(), "  assistance"),
                    outpatientLeft);
        } else {
            trace.add("  stage 1: the policy assists no " + category + " in stage 1");
        }
        BigDecimal tiltedApplied = Money.ZERO;
        BigDecimal tilted = Money.ZERO;
        if (policy.tilted(category)) {
            TiltedAssistance t = policy.tilted();
            BigDecimal left = base.subtract(ordinary);
            tiltedApplied = left.min(round(t.deductible().subtract(year.tiltedDeductibleUsed()).max(Money.ZERO)));
            BigDecimal above = left.subtract(tiltedApplied);
            BigDecimal due = round(above.multiply(t.ratio()));
            trace.add("  tilted stage (倾斜救助): " + yuan(left) + " left in scope - yearly deductible left "
                    + yuan(tiltedApplied) + " = " + yuan(above) + "; x " + percent(t.ratio()) + " = " + yuan(due));
            BigDecimal outpatientAfter = outpatientLeft == null ? null : outpatientLeft.subtract(ordinary);
            tilted = limit(trace, FundLimits.capped(trace, due, t.annualCap(), year.tiltedPaid(), "  tilted assistance"),
                    outpatientAfter);
        }
        AssistanceUse used = new AssistanceUse(applied, ordinary, tiltedApplied, tilted,
                ordinaryOutpatient ? ordinary.add(tilted) : Money.ZERO);
        return new AssistancePaid(category, applied, ordinary, tilted, used);
    }

    /** Ordinary outpatient care: at most what is left of the yearly outpatient cap (null: no such limit). */
    private static BigDecimal limit(List<String> trace, BigDecimal amount, BigDecimal outpatientLeft) {
        if (outpatientLeft == null || amount.compareTo(outpatientLeft) <= 0) {
            return amount;
        }
        trace.add("  limited by the outpatient yearly cap of assistance to the " + yuan(outpatientLeft) + " left");
        return round(outpatientLeft);
    }
}
