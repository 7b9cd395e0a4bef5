package cn.medins.reimbursement.calculation;

import cn.medins.common.money.Money;
import cn.medins.reimbursement.calculation.PolicyDocument.Band;
import cn.medins.reimbursement.calculation.SettlementInput.BillLine;
import cn.medins.reimbursement.calculation.SettlementInput.CatalogEntry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The settlement calculation (结算), a pure function of its input, in the order of docs/rules.md
 * section 5: self-funded and over-limit, pre-self-pay by category, eligible amount, deductible,
 * banded fund payment capped by the yearly cap, catastrophic top-up, personal burden. Every amount is
 * rounded to the cent HALF_UP where it is computed, and the aggregates are sums or differences of
 * those rounded amounts, so every identity of the breakdown holds exactly.
 */
public final class SettlementCalculator {

    private final SettlementInput in;
    /** Institution level as the policy keys it; PRIMARY institutions arrive here as level 1. */
    private final String level;
    /** A stay writes about 15 lines, a visit 5: sized so that the list never grows; handed out read-only. */
    private final List<String> trace = new ArrayList<>(32);

    private SettlementCalculator(SettlementInput in) {
        this.in = in;
        this.level = String.valueOf(in.institutionLevel());
    }

    public static FundBreakdown calculate(SettlementInput in) {
        return new SettlementCalculator(in).run(null);
    }

    /** The calculation of a visit whose lines were classified at upload ({@code in.lines()} is not read). */
    public static FundBreakdown calculate(SettlementInput in, ClassifiedBill bill) {
        return new SettlementCalculator(in).run(bill);
    }

    private FundBreakdown run(ClassifiedBill bill) {
        Scope scope = bill == null ? classifyLines() : uploaded(bill);
        trace.add("eligible (政策范围内) = total " + yuan(scope.total) + " - self-funded " + yuan(scope.selfFunded)
                + " - over-limit " + yuan(scope.overLimit) + " - pre-self-pay " + yuan(scope.preSelfPay) + " = "
                + yuan(scope.eligible));
        Fund fund = fund(scope.eligible);
        BigDecimal fundTotal = fund.pool.add(fund.catastrophic);
        AssistancePaid assisted = assistance(scope.eligible.subtract(fundTotal));
        BigDecimal burden = scope.total.subtract(fundTotal).subtract(assisted.total());
        trace.add("fund total " + yuan(fund.pool) + " + " + yuan(fund.catastrophic) + " = " + yuan(fundTotal)
                + "; personal burden (个人负担) = " + yuan(scope.total) + " - " + yuan(fundTotal)
                + (assisted.category() == null ? "" : " - assistance " + yuan(assisted.total())) + " = " + yuan(burden));
        return new FundBreakdown(scope.total, scope.selfFunded, scope.overLimit, scope.preSelfPay, scope.eligible,
                fund.deductible, fund.pool, fund.catastrophic, fundTotal, burden, scope.unlisted,
                Collections.unmodifiableList(trace), fund.used, fund.chronic, assisted.total(), assisted, fund.poolCapLeft,
                fund.catastrophicCapLeft);
    }

    /**
     * 医疗救助 on what the person bears in scope after the insurance funds, for a category the policy
     * ranks, where the pooled fund pays at all, for care other than a pharmacy purchase, and not in a
     * remote direct settlement.
     */
    private AssistancePaid assistance(BigDecimal base) {
        PolicyDocument.Assistance policy = in.policy().assistance();
        String category = assistanceCategory();
        if (category == null) {
            return AssistancePaid.NONE;
        }
        String none = in.fundBlockedReason() != null ? "the insurance funds pay nothing here"
                : in.medicalType() == MedicalType.PHARMACY ? "pharmacy purchases (41) are not assisted"
                : in.assistance().withheldReason();
        if (none != null) {
            trace.add("medical assistance (医疗救助) as " + category + " pays nothing: " + none);
            return new AssistancePaid(category, Money.ZERO, Money.ZERO, Money.ZERO, AssistanceUse.NONE);
        }
        boolean outpatient = in.medicalType() == MedicalType.GENERAL_OUTPATIENT
                || in.medicalType() == MedicalType.EMERGENCY;
        return AssistanceStage.pay(trace, policy, category, in.assistance().use(), base, outpatient);
    }

    /** The category the person is assisted as (就高不重复), or null: none held, or no assistance in the policy. */
    private String assistanceCategory() {
        PolicyDocument.Assistance policy = in.policy().assistance();
        return policy == null ? null : policy.categoryOf(in.assistance().categories());
    }

    private record Scope(BigDecimal total, BigDecimal selfFunded, BigDecimal overLimit, BigDecimal preSelfPay,
                         BigDecimal eligible, List<String> unlisted) {
    }

    /** {@code poolCapLeft} / {@code catastrophicCapLeft}: the caps' rests before this bill (null: none applied). */
    private record Fund(BigDecimal deductible, BigDecimal pool, BigDecimal catastrophic, Accumulators used,
                        ChronicUse chronic, BigDecimal poolCapLeft, BigDecimal catastrophicCapLeft) {
        static final Fund NONE = new Fund(Money.ZERO, Money.ZERO, Money.ZERO, Accumulators.NONE, ChronicUse.NONE,
                null, null);
    }

    /** Splits each line into self-funded, over-limit, pre-self-pay and eligible parts. */
    private Scope classifyLines() {
        BigDecimal total = Money.ZERO;
        BigDecimal selfFunded = Money.ZERO;
        BigDecimal overLimit = Money.ZERO;
        BigDecimal preSelfPay = Money.ZERO;
        List<String> unlisted = new ArrayList<>();
        for (BillLine line : in.lines()) {
            CatalogEntry entry = in.catalog().get(line.itemCode());
            LineClassifier.ClassifiedLine c = LineClassifier.classify(line, entry, in.policy().preSelfPayShare());
            total = total.add(c.amount());
            if (c.fullySelfFunded()) {
                selfFunded = selfFunded.add(c.amount());
                if (entry == null && !unlisted.contains(line.itemCode())) {
                    unlisted.add(line.itemCode());
                }
                trace.add(line.itemCode() + ": " + yuan(c.amount()) + (entry == null
                        ? " not in the catalog, self-funded (自费)" : " category SELF_FUNDED (丙类), self-funded"));
                continue;
            }
            overLimit = overLimit.add(c.overLimit());
            preSelfPay = preSelfPay.add(c.preSelfPay());
            trace.add(line.itemCode() + ": " + yuan(c.amount()) + " category " + entry.category()
                    + (c.overLimit().signum() > 0 ? ", over price limit " + yuan(c.overLimit()) : "")
                    + (c.preSelfPay().signum() > 0 ? ", pre-self-pay " + percent(c.share()) + " = " + yuan(c.preSelfPay())
                    + (entry.preSelfPayShare() != null ? " (the item's own share)" : "") : "")
                    + (entry.source() != null ? " [" + entry.source() + "]" : ""));
        }
        BigDecimal eligible = total.subtract(selfFunded).subtract(overLimit).subtract(preSelfPay);
        return new Scope(total, selfFunded, overLimit, preSelfPay, eligible, Collections.unmodifiableList(unlisted));
    }

    /** The sums of lines classified at upload, one trace line per category. */
    private Scope uploaded(ClassifiedBill bill) {
        trace.add("fee details (费用明细): " + bill.lines() + " uploaded lines, each classified by the catalogue as it "
                + "was uploaded");
        for (ClassifiedBill.CategorySum c : bill.categories()) {
            trace.add((c.category() == null ? "not in the catalog, self-funded (自费)" : "category " + c.category())
                    + ": " + c.lines() + " lines, " + yuan(c.amount())
                    + (c.overLimit().signum() > 0 ? ", over price limit " + yuan(c.overLimit()) : "")
                    + (c.preSelfPay().signum() > 0 ? ", pre-self-pay " + yuan(c.preSelfPay()) : "")
                    + (c.category() == null && !bill.unlisted().isEmpty() ? " (" + String.join(", ", bill.unlisted())
                    + (c.lines() > bill.unlisted().size() ? ", ..." : "") + ")" : ""));
        }
        return new Scope(bill.total(), bill.selfFunded(), bill.overLimit(), bill.preSelfPay(), bill.eligible(),
                bill.unlisted());
    }

    private Fund fund(BigDecimal eligible) {
        if (in.fundBlockedReason() != null) {
            trace.add("the pooled fund pays nothing: " + in.fundBlockedReason());
            return Fund.NONE;
        }
        return switch (in.medicalType()) {
            case INPATIENT -> inpatient(eligible);
            case GENERAL_OUTPATIENT, EMERGENCY -> outpatient(eligible);
            case CHRONIC_OUTPATIENT -> chronic(eligible);
            case PHARMACY -> {
                trace.add("pharmacy purchase (41): the pooled fund pays nothing; the personal account may pay");
                yield Fund.NONE;
            }
        };
    }

    private Fund inpatient(BigDecimal eligible) {
        PolicyDocument.Inpatient policy = in.policy().inpatient();
        Accumulators acc = in.accumulators();
        BigDecimal deductible = admissionDeductible(policy, acc.admissions() + 1);
        BigDecimal applied = eligible.min(deductible);
        List<Band> bands = policy.bandsByLevel().get(level);
        BigDecimal banded;
        if (policy.basis() == PolicyDocument.InpatientBandBasis.ELIGIBLE_AMOUNT) {
            trace.add("inpatient, level " + level + ": eligible " + yuan(eligible) + ", deductible (起付线) "
                    + yuan(applied) + "; bands on the eligible amount (政策范围内), from the deductible");
            banded = FundLimits.banded(trace, bands, eligible, applied, this::basicRatio);
        } else {
            BigDecimal above = eligible.subtract(applied);
            trace.add("inpatient, level " + level + ": eligible " + yuan(eligible) + " - deductible (起付线) "
                    + yuan(applied) + " = " + yuan(above));
            banded = FundLimits.banded(trace, bands, above, BigDecimal.ZERO, this::basicRatio);
        }
        BigDecimal pool = FundLimits.capped(trace, banded, policy.annualCap(), acc.inpatientFundPaid(), "inpatient");
        CatastrophicCover.Paid top = CatastrophicCover.pay(trace, in, assistanceCategory(), this::reduce, eligible.subtract(pool));
        return new Fund(applied, pool, top.paid(),
                new Accumulators(pool, Money.ZERO, Money.ZERO, top.base(), top.paid(), 1), ChronicUse.NONE,
                FundLimits.left(policy.annualCap(), acc.inpatientFundPaid()), top.capLeft());
    }

    /**
     * The deductible of this admission of the year: the level's, times the admission's factor, never
     * below the floor nor above the level's own.
     */
    private BigDecimal admissionDeductible(PolicyDocument.Inpatient policy, int admission) {
        BigDecimal own = round(policy.deductibleByLevel().get(level));
        BigDecimal factor = policy.factorFor(admission);
        if (admission == 1 && factor.compareTo(BigDecimal.ONE) == 0) {
            return own;
        }
        BigDecimal deductible = round(own.multiply(factor));
        String floor = "";
        if (policy.deductibleFloor() != null && deductible.compareTo(policy.deductibleFloor()) < 0) {
            deductible = round(policy.deductibleFloor().min(own));
            floor = ", raised to the floor " + yuan(deductible);
        }
        trace.add("admission " + admission + " this year: deductible " + yuan(own) + " x "
                + factor.stripTrailingZeros().toPlainString() + " = " + yuan(round(own.multiply(factor))) + floor);
        return deductible;
    }

    /**
     * 门诊慢特病: paid like a stay, by the disease's own parameters: its yearly deductible consumed
     * across the year's visits, its ratio (retiree bonus, maxRatio, remote reduction as everywhere),
     * its yearly cap, and, when it shares the inpatient cap, that cap too. Never the outpatient
     * pooling quotas. What the person still bears inside the scope enters the catastrophic base.
     */
    private Fund chronic(BigDecimal eligible) {
        PolicyDocument.Chronic disease = in.policy().chronicDisease(in.diseaseCode()).orElseThrow(() ->
                new IllegalArgumentException("the policy lists no chronic disease " + in.diseaseCode()));
        ChronicUse use = in.chronicUse();
        // per visit the whole deductible applies; per year or month what the period has used is gone
        BigDecimal used = disease.period() == PolicyDocument.DeductiblePeriod.VISIT ? Money.ZERO : use.deductibleUsed();
        BigDecimal left = round(disease.deductible().subtract(used).max(Money.ZERO));
        BigDecimal ratio = basicRatio(disease.ratio());
        BigDecimal applied;
        BigDecimal paid;
        String period = switch (disease.period()) {
            case YEAR -> "yearly";
            case MONTH -> "monthly";
            case VISIT -> "per-visit";
        };
        if (disease.timing() == PolicyDocument.DeductibleTiming.AFTER_RATIO) {
            BigDecimal atRatio = round(eligible.multiply(ratio));
            applied = atRatio.min(left);
            paid = atRatio.subtract(applied);
            trace.add("chronic/special outpatient (门诊慢特病) " + in.diseaseCode() + ": eligible " + yuan(eligible)
                    + " x " + percent(ratio) + " = " + yuan(atRatio) + " - " + period + " deductible left "
                    + yuan(applied) + " = " + yuan(paid));
        } else {
            applied = eligible.min(left);
            BigDecimal above = eligible.subtract(applied);
            paid = round(above.multiply(ratio));
            trace.add("chronic/special outpatient (门诊慢特病) " + in.diseaseCode() + ": eligible " + yuan(eligible)
                    + " - " + period + " deductible left " + yuan(applied) + " = " + yuan(above) + "; " + yuan(above)
                    + " x " + percent(ratio) + " = " + yuan(paid));
        }
        BigDecimal pool = FundLimits.capped(trace, paid, disease.annualCap(), use.fundPaid(), in.diseaseCode());
        BigDecimal capLeft = FundLimits.left(disease.annualCap(), use.fundPaid());
        BigDecimal sharedCap = Money.ZERO;
        if (disease.sharesInpatientCap()) {
            pool = FundLimits.capped(trace, pool, in.policy().inpatient().annualCap(),
                    in.accumulators().inpatientFundPaid(), "inpatient (shared yearly cap)");
            capLeft = capLeft.min(FundLimits.left(in.policy().inpatient().annualCap(),
                    in.accumulators().inpatientFundPaid()));
            sharedCap = pool;
        }
        CatastrophicCover.Paid top = CatastrophicCover.pay(trace, in, assistanceCategory(), this::reduce, eligible.subtract(pool));
        return new Fund(applied, pool, top.paid(), new Accumulators(sharedCap, Money.ZERO, Money.ZERO, top.base(),
                top.paid(), 0), new ChronicUse(applied, pool), capLeft, top.capLeft());
    }

    private Fund outpatient(BigDecimal eligible) {
        PolicyDocument.Outpatient policy = in.policy().outpatient();
        Accumulators acc = in.accumulators();
        BigDecimal remainingDeductible = policy.annualDeductible().subtract(acc.outpatientDeductibleUsed()).max(Money.ZERO);
        BigDecimal applied = eligible.min(round(remainingDeductible));
        BigDecimal above = eligible.subtract(applied);
        BigDecimal ratio = basicRatio(policy.ratioByLevel().get(level));
        BigDecimal paid = round(above.multiply(ratio));
        trace.add("outpatient pooling (门诊统筹), level " + level + ": eligible " + yuan(eligible)
                + " - yearly deductible left " + yuan(applied) + " = " + yuan(above) + "; " + yuan(above) + " x "
                + percent(ratio) + " = " + yuan(paid));
        BigDecimal pool = FundLimits.capped(trace, paid, policy.annualCap(), acc.outpatientFundPaid(), "outpatient");
        return new Fund(applied, pool, Money.ZERO, new Accumulators(Money.ZERO, applied, pool, Money.ZERO, Money.ZERO, 0),
                ChronicUse.NONE, FundLimits.left(policy.annualCap(), acc.outpatientFundPaid()), null);
    }

    /** Basic-fund ratio: plus the retiree bonus, at most maxRatio, less any remote reduction. */
    private BigDecimal basicRatio(BigDecimal ratio) {
        BigDecimal withBonus = in.retired() ? ratio.add(in.policy().retireeBonus()) : ratio;
        return reduce(withBonus.min(in.policy().maxRatio()));
    }

    private BigDecimal reduce(BigDecimal ratio) {
        return in.ratioReduction() == null ? ratio : ratio.subtract(in.ratioReduction()).max(BigDecimal.ZERO);
    }

    static BigDecimal round(BigDecimal amount) {
        return Money.of(amount);
    }

    static String yuan(BigDecimal amount) {
        return Money.format(amount);
    }

    /** {@code 0.88} as {@code 88%}, {@code 0.905} as {@code 90.5%}: the ratio in percent, no trailing zeros. */
    static String percent(BigDecimal ratio) {
        BigDecimal inPercent = ratio.movePointRight(2);
        return (inPercent.scale() > 0 ? inPercent.stripTrailingZeros() : inPercent).toPlainString() + "%";
    }
}
