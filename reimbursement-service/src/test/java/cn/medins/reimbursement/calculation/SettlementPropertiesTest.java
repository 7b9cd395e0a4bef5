package cn.medins.reimbursement.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.reimbursement.calculation.SettlementInput.BillLine;
import cn.medins.reimbursement.calculation.SettlementInput.CatalogEntry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the calculation that must hold for every bill, policy state and person, under the
 * reference policy and under regional rules drawn at random (band bases, deductibles by admission with a
 * floor, catastrophic bands on the burden, chronic deductibles per month and after the ratio, items with
 * their own shares, bills with 4-decimal quantities and 6-decimal prices).
 */
class SettlementPropertiesTest {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** A bill with its catalog: item codes I0..I9 with random categories and limits, some unlisted. */
    record Case(List<BillLine> lines, Map<String, CatalogEntry> catalog, MedicalType type, int level,
                Accumulators acc, boolean retired, boolean blocked, BigDecimal reduction, PolicyDocument policy,
                ChronicUse chronicUse, SettlementInput.AssistanceInput assistance) {

        SettlementInput input(List<BillLine> withLines) {
            return new SettlementInput(policy, type, level, withLines, catalog, acc, retired,
                    blocked ? "excluded" : null, reduction, type == MedicalType.CHRONIC_OUTPATIENT ? "DIALYSIS" : null,
                    chronicUse, assistance);
        }

        Case with(PolicyDocument regional, ChronicUse use, SettlementInput.AssistanceInput person) {
            return new Case(lines, catalog, type, level, acc, retired, blocked, reduction, regional, use, person);
        }

        /** The category the person is assisted as (就高不重复), or null. */
        String category() {
            return policy.assistance() == null ? null : policy.assistance().categoryOf(assistance.categories());
        }
    }

    static final List<String> CATEGORIES = List.of("EXTREME_POVERTY", "ORPHAN", "SUBSISTENCE", "RETURNED_TO_POVERTY",
            "NEAR_SUBSISTENCE", "ILLNESS_POVERTY", "OTHER");

    private static BigDecimal yuan(Random r, int max) {
        return BigDecimal.valueOf(r.nextInt(max * 100 + 1), 2);
    }

    private static BigDecimal ratio(Random r) {
        return BigDecimal.valueOf(r.nextInt(101), 2);
    }

    private static List<String> someCategories(Random r) {
        List<String> some = new ArrayList<>(CATEGORIES.stream().filter(c -> r.nextBoolean()).toList());
        return some.isEmpty() ? List.of(CATEGORIES.get(r.nextInt(CATEGORIES.size()))) : some;
    }

    /** A medical-assistance section drawn at random: rules for some categories, maybe a tilted stage and a catastrophic tilt. */
    static PolicyDocument.Assistance assistance(Random r) {
        List<String> priority = new ArrayList<>(CATEGORIES);
        Collections.shuffle(priority, r);
        Map<String, PolicyDocument.AssistanceRule> rules = new HashMap<>();
        for (String category : someCategories(r)) {
            rules.put(category, new PolicyDocument.AssistanceRule(yuan(r, 5000), ratio(r), yuan(r, 150_000)));
        }
        return new PolicyDocument.Assistance(priority, rules, r.nextBoolean() ? yuan(r, 20_000) : null,
                r.nextBoolean() ? new PolicyDocument.TiltedAssistance(someCategories(r), yuan(r, 7000), ratio(r),
                        yuan(r, 80_000)) : null,
                r.nextBoolean() ? new PolicyDocument.CatastrophicTilt(someCategories(r), ratio(r),
                        BigDecimal.valueOf(r.nextInt(11), 2), r.nextBoolean()) : null);
    }

    /** What the person holds, has used this year, and whether a remote direct settlement withholds assistance. */
    @Provide
    static Arbitrary<SettlementInput.AssistanceInput> persons() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            java.util.Set<String> held = r.nextInt(4) == 0 ? java.util.Set.of()
                    : new java.util.HashSet<>(someCategories(r));
            AssistanceUse use = new AssistanceUse(yuan(r, 5000), yuan(r, 160_000), yuan(r, 7000), yuan(r, 90_000),
                    yuan(r, 20_000));
            return new SettlementInput.AssistanceInput(held, use, r.nextInt(6) == 0 ? "remote direct settlement" : null);
        });
    }

    /** The reference policy, or one with regional rules drawn at random. */
    static Arbitrary<PolicyDocument> policies() {
        PolicyDocument reference = ReferencePolicy.employee("0.5");
        Arbitrary<PolicyDocument> regional = Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            List<BigDecimal> factors = r.nextBoolean() ? null
                    : List.of(BigDecimal.ONE, BigDecimal.valueOf(r.nextInt(101), 2), BigDecimal.valueOf(r.nextInt(101), 2));
            PolicyDocument.Inpatient inpatient = new PolicyDocument.Inpatient(reference.inpatient().deductibleByLevel(),
                    factors == null ? new BigDecimal("0.5") : null, reference.inpatient().bandsByLevel(),
                    reference.inpatient().annualCap(), r.nextBoolean() ? PolicyDocument.InpatientBandBasis.ELIGIBLE_AMOUNT
                    : PolicyDocument.InpatientBandBasis.ABOVE_DEDUCTIBLE, factors,
                    r.nextBoolean() ? BigDecimal.valueOf(r.nextInt(300)) : null);
            PolicyDocument.Catastrophic catastrophic = new PolicyDocument.Catastrophic(
                    reference.catastrophic().threshold(), reference.catastrophic().bands(),
                    reference.catastrophic().annualCap(), r.nextBoolean() ? PolicyDocument.CatastrophicBandBasis.BURDEN
                    : PolicyDocument.CatastrophicBandBasis.ABOVE_THRESHOLD);
            PolicyDocument.Chronic dialysis = reference.chronic().get("DIALYSIS");
            PolicyDocument.Chronic chronic = new PolicyDocument.Chronic(dialysis.name(),
                    BigDecimal.valueOf(r.nextInt(500)), dialysis.ratio(), dialysis.annualCap(), dialysis.sharesInpatientCap(),
                    PolicyDocument.DeductiblePeriod.values()[r.nextInt(3)],
                    PolicyDocument.DeductibleTiming.values()[r.nextInt(2)]);
            return new PolicyDocument(inpatient, reference.outpatient(), reference.retireeBonus(), reference.maxRatio(),
                    reference.preSelfPayShare(), catastrophic, reference.remote(), Map.of("DIALYSIS", chronic),
                    reference.claims(), null, r.nextInt(4) == 0 ? null : assistance(r));
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(reference)),
                net.jqwik.api.Tuple.of(3, regional));
    }

    static Arbitrary<BigDecimal> money(int maxCents) {
        return Arbitraries.integers().between(0, maxCents).map(c -> BigDecimal.valueOf(c, 2));
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<BillLine> line = Combinators.combine(Arbitraries.integers().between(0, 11).map(i -> "I" + i),
                Arbitraries.integers().between(1, 500_000).map(q -> BigDecimal.valueOf(q, 4)),
                Arbitraries.longs().between(0, 8_000_000_000L).map(p -> BigDecimal.valueOf(p, 6))).as(BillLine::new);
        Arbitrary<Map<String, CatalogEntry>> catalog = Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            Map<String, CatalogEntry> map = new HashMap<>();
            for (int i = 0; i < 10; i++) {
                Category category = Category.values()[r.nextInt(Category.values().length)];
                BigDecimal limit = r.nextBoolean() ? BigDecimal.valueOf(r.nextInt(500_000), 2) : null;
                BigDecimal share = r.nextInt(4) == 0 ? BigDecimal.valueOf(r.nextInt(10_001), 4) : null;
                map.put("I" + i, new CatalogEntry(category, limit, share, share == null ? null : "province 46"));
            }
            return map;
        });
        Arbitrary<Accumulators> acc = Combinators.combine(money(12_000_000), money(80_000), money(200_000),
                money(20_000_000), money(40_000_000), Arbitraries.integers().between(0, 4)).as(Accumulators::new);
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(12), catalog,
                Arbitraries.of(MedicalType.class), Arbitraries.integers().between(1, 3), acc,
                Arbitraries.of(true, false), Arbitraries.of(true, false, false, false),
                Arbitraries.of(null, new BigDecimal("0.10"))).as((lines, cat, type, level, a, retired, blocked, reduction) ->
                        new Case(lines, cat, type, level, a, retired, blocked, reduction, null, ChronicUse.NONE,
                                SettlementInput.AssistanceInput.NONE))
                .flatMap(c -> Combinators.combine(policies(), Combinators.combine(money(60_000), money(6_000_000))
                        .as(ChronicUse::new), persons()).as(c::with));
    }

    @Property(tries = 400)
    void everySumHoldsToTheCent(@ForAll("cases") Case c) {
        FundBreakdown b = SettlementCalculator.calculate(c.input(c.lines()));
        for (BigDecimal amount : List.of(b.totalAmount(), b.selfFundedAmount(), b.overLimitAmount(),
                b.preSelfPayAmount(), b.eligibleAmount(), b.deductibleApplied(), b.poolFundPaid(),
                b.catastrophicPaid(), b.fundPaidTotal(), b.personalBurden(), b.assistancePaid(),
                b.assistance().ordinaryPaid(), b.assistance().tiltedPaid(), b.assistance().deductibleApplied())) {
            assertEquals(2, amount.scale(), "scale 2: " + amount);
            assertTrue(amount.signum() >= 0, "never negative: " + amount);
        }
        assertEquals(b.eligibleAmount(), b.totalAmount().subtract(b.selfFundedAmount()).subtract(b.overLimitAmount())
                .subtract(b.preSelfPayAmount()));
        assertEquals(b.fundPaidTotal(), b.poolFundPaid().add(b.catastrophicPaid()));
        assertEquals(b.assistancePaid(), b.assistance().ordinaryPaid().add(b.assistance().tiltedPaid()));
        assertEquals(b.personalBurden(), b.totalAmount().subtract(b.fundPaidTotal()).subtract(b.assistancePaid()));
        BigDecimal lineSum = c.lines().stream().map(l -> l.quantity().multiply(l.unitPrice())
                .setScale(2, java.math.RoundingMode.HALF_UP)).reduce(ZERO, BigDecimal::add);
        assertEquals(lineSum, b.totalAmount());
    }

    @Property(tries = 400)
    void theFundNeverPaysMoreThanTheEligibleAmountOrTheRemainingCaps(@ForAll("cases") Case c) {
        FundBreakdown b = SettlementCalculator.calculate(c.input(c.lines()));
        assertTrue(b.fundPaidTotal().compareTo(b.eligibleAmount()) <= 0, "fund <= eligible");
        boolean afterRatio = c.type() == MedicalType.CHRONIC_OUTPATIENT
                && c.policy().chronic().get("DIALYSIS").timing() == PolicyDocument.DeductibleTiming.AFTER_RATIO;
        if (!afterRatio) { // a deductible taken off after the ratio is off the fund's part, not the bill's
            assertTrue(b.deductibleApplied().add(b.poolFundPaid()).compareTo(b.eligibleAmount()) <= 0);
        }
        BigDecimal inpatientLeft = c.policy().inpatient().annualCap().subtract(c.acc().inpatientFundPaid()).max(ZERO);
        BigDecimal outpatientLeft = c.policy().outpatient().annualCap().subtract(c.acc().outpatientFundPaid()).max(ZERO);
        boolean uncapped = c.policy().assistance() != null && c.policy().assistance().tiltsCatastrophic(c.category())
                && c.policy().assistance().catastrophicTilt().removesCap();
        BigDecimal catastrophicLeft = uncapped ? b.eligibleAmount() : c.policy().catastrophic().annualCap()
                .subtract(c.acc().catastrophicPaid()).max(ZERO);
        if (c.type() == MedicalType.INPATIENT) {
            assertTrue(b.poolFundPaid().compareTo(inpatientLeft) <= 0);
            assertTrue(b.catastrophicPaid().compareTo(catastrophicLeft) <= 0);
        } else if (c.type() == MedicalType.CHRONIC_OUTPATIENT) {
            // dialysis shares the inpatient cap and never touches the outpatient pooling quotas
            BigDecimal chronicLeft = new BigDecimal("60000").subtract(c.chronicUse().fundPaid()).max(ZERO);
            assertTrue(b.poolFundPaid().compareTo(inpatientLeft.min(chronicLeft)) <= 0);
            assertTrue(b.catastrophicPaid().compareTo(catastrophicLeft) <= 0);
            assertEquals(ZERO, b.used().outpatientDeductibleUsed());
            assertEquals(ZERO, b.used().outpatientFundPaid());
        } else {
            assertTrue(b.poolFundPaid().compareTo(outpatientLeft) <= 0);
            assertEquals(ZERO, b.catastrophicPaid());
        }
        if (c.blocked() || c.type() == MedicalType.PHARMACY) {
            assertEquals(ZERO, b.fundPaidTotal());
            assertEquals(Accumulators.NONE, b.used());
        }
    }

    @Property(tries = 300)
    void theOrderOfBillLinesChangesNothing(@ForAll("cases") Case c, @ForAll long seed) {
        List<BillLine> shuffled = new ArrayList<>(c.lines());
        Collections.shuffle(shuffled, new Random(seed));
        FundBreakdown a = SettlementCalculator.calculate(c.input(c.lines()));
        FundBreakdown b = SettlementCalculator.calculate(c.input(shuffled));
        assertEquals(List.of(a.totalAmount(), a.selfFundedAmount(), a.overLimitAmount(), a.preSelfPayAmount(),
                        a.eligibleAmount(), a.deductibleApplied(), a.poolFundPaid(), a.catastrophicPaid(),
                        a.personalBurden()),
                List.of(b.totalAmount(), b.selfFundedAmount(), b.overLimitAmount(), b.preSelfPayAmount(),
                        b.eligibleAmount(), b.deductibleApplied(), b.poolFundPaid(), b.catastrophicPaid(),
                        b.personalBurden()));
        assertEquals(a.used(), b.used());
    }

    @Property(tries = 300)
    void settleThenCancelReturnsTheAccumulatorsToWhereTheyWere(@ForAll("cases") Case c) {
        FundBreakdown b = SettlementCalculator.calculate(c.input(c.lines()));
        Accumulators after = c.acc().plus(b.used());
        assertEquals(c.acc(), after.minus(b.used()));
        assertEquals(c.chronicUse(), c.chronicUse().plus(b.chronicUsed()).plus(b.chronicUsed().negated()));
        // and what a settlement adds is exactly what it paid and the burden it left in scope
        if (c.type() == MedicalType.INPATIENT && !c.blocked()) {
            assertEquals(b.poolFundPaid(), b.used().inpatientFundPaid());
            assertEquals(b.catastrophicPaid(), b.used().catastrophicPaid());
            assertEquals(b.eligibleAmount().subtract(b.poolFundPaid()), b.used().catastrophicBurden());
        }
    }

    /**
     * 医疗救助 pays only on what the person still bears in scope after the insurance funds, within what
     * is left of each of its yearly caps and deductibles, and nothing where it must not pay.
     */
    @Property(tries = 400)
    void assistanceNeverExceedsTheInScopeBurdenNorItsCaps(@ForAll("cases") Case c) {
        FundBreakdown b = SettlementCalculator.calculate(c.input(c.lines()));
        AssistancePaid a = b.assistance();
        AssistanceUse year = c.assistance().use();
        assertTrue(b.assistancePaid().compareTo(b.eligibleAmount().subtract(b.fundPaidTotal())) <= 0,
                "assistance <= in-scope burden");
        assertEquals(c.category(), a.category());
        if (a.category() == null || c.blocked() || c.type() == MedicalType.PHARMACY
                || c.assistance().withheldReason() != null) {
            assertEquals(ZERO, b.assistancePaid());
            assertEquals(AssistanceUse.NONE, a.used());
            return;
        }
        PolicyDocument.Assistance policy = c.policy().assistance();
        PolicyDocument.AssistanceRule rule = policy.categories().get(a.category());
        if (rule == null) {
            assertEquals(ZERO, a.ordinaryPaid());
        } else {
            assertTrue(a.ordinaryPaid().compareTo(rule.annualCap().subtract(year.paid()).max(ZERO)) <= 0, "stage-1 cap");
            assertTrue(a.deductibleApplied().compareTo(rule.deductible().subtract(year.deductibleUsed()).max(ZERO)) <= 0);
        }
        if (policy.tilted(a.category())) {
            assertTrue(a.tiltedPaid().compareTo(policy.tilted().annualCap().subtract(year.tiltedPaid()).max(ZERO)) <= 0);
        } else {
            assertEquals(ZERO, a.tiltedPaid());
        }
        boolean ordinaryOutpatient = c.type() == MedicalType.GENERAL_OUTPATIENT || c.type() == MedicalType.EMERGENCY;
        if (ordinaryOutpatient && policy.outpatientAnnualCap() != null) {
            assertTrue(b.assistancePaid().compareTo(policy.outpatientAnnualCap().subtract(year.outpatientPaid())
                    .max(ZERO)) <= 0, "outpatient cap");
        }
        assertEquals(ordinaryOutpatient ? b.assistancePaid() : ZERO, a.used().outpatientPaid());
        assertEquals(a.ordinaryPaid(), a.used().paid());
        assertEquals(a.tiltedPaid(), a.used().tiltedPaid());
    }

    /**
     * Settlements of one person's year, cancelled in any order: every assistance accumulator comes back
     * to where it was, and none goes below it on the way.
     */
    @Property(tries = 200)
    void settleThenCancelInAnyOrderRestoresEveryAssistanceAccumulator(@ForAll("cases") Case first,
                                                                      @ForAll("visitAmounts") List<BigDecimal> stays,
                                                                      @ForAll long seed) {
        AssistanceUse start = first.assistance().use();
        AssistanceUse year = start;
        List<AssistanceUse> taken = new ArrayList<>();
        for (BigDecimal amount : stays) {
            Case c = first.with(first.policy(), first.chronicUse(), new SettlementInput.AssistanceInput(
                    first.assistance().categories(), year, first.assistance().withheldReason()));
            AssistanceUse used = SettlementCalculator.calculate(c.input(List.of(new BillLine("I0", BigDecimal.ONE,
                    amount.multiply(BigDecimal.TEN))))).assistance().used();
            taken.add(used);
            year = year.plus(used);
        }
        Collections.shuffle(taken, new Random(seed));
        for (AssistanceUse used : taken) {
            year = year.minus(used);
            for (BigDecimal part : List.of(year.deductibleUsed().subtract(start.deductibleUsed()),
                    year.paid().subtract(start.paid()), year.tiltedPaid().subtract(start.tiltedPaid()),
                    year.tiltedDeductibleUsed().subtract(start.tiltedDeductibleUsed()),
                    year.outpatientPaid().subtract(start.outpatientPaid()))) {
                assertTrue(part.signum() >= 0, "never below where the year was");
            }
        }
        assertEquals(start, year);
    }

    /**
     * No band pays below its lower edge, nor below the deductible: with a first band that ends at or
     * below the deductible at 100%, a stay on the eligible amount pays exactly the second band's ratio on
     * what lies above the deductible.
     */
    @Property(tries = 300)
    void noBandPaysBelowItsLowerEdge(@ForAll("deductibles") int deductible, @ForAll("amounts") BigDecimal amount,
                                     @ForAll("ratios") BigDecimal ratio) {
        List<PolicyDocument.Band> bands = List.of(new PolicyDocument.Band(BigDecimal.valueOf(Math.max(1, deductible - 1)),
                BigDecimal.ONE), new PolicyDocument.Band(null, ratio));
        PolicyDocument reference = ReferencePolicy.employee();
        PolicyDocument policy = new PolicyDocument(new PolicyDocument.Inpatient(Map.of("1", BigDecimal.valueOf(deductible),
                "2", BigDecimal.valueOf(deductible), "3", BigDecimal.valueOf(deductible)), BigDecimal.ONE,
                Map.of("1", bands, "2", bands, "3", bands), new BigDecimal("100000000"),
                PolicyDocument.InpatientBandBasis.ELIGIBLE_AMOUNT, null, null), reference.outpatient(), BigDecimal.ZERO,
                BigDecimal.ONE, reference.preSelfPayShare(), null, null, null, null);
        FundBreakdown b = SettlementCalculator.calculate(new SettlementInput(policy, MedicalType.INPATIENT, 3,
                List.of(new BillLine("A", BigDecimal.ONE, amount)), Map.of("A", new CatalogEntry(Category.A, null)),
                Accumulators.NONE, false, null, null));
        BigDecimal above = amount.subtract(BigDecimal.valueOf(deductible)).max(BigDecimal.ZERO);
        assertEquals(above.multiply(ratio).setScale(2, java.math.RoundingMode.HALF_UP), b.poolFundPaid());
    }

    @Provide
    Arbitrary<Integer> deductibles() {
        return Arbitraries.integers().between(2, 2000);
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return money(10_000_000);
    }

    @Provide
    Arbitrary<BigDecimal> ratios() {
        return Arbitraries.integers().between(0, 100).map(p -> BigDecimal.valueOf(p, 2));
    }

    /**
     * A monthly deductible is consumed once per month per disease: over the visits of one month, the
     * deductible used adds up to the least of the deductible and what the visits could take, never more.
     */
    @Property(tries = 300)
    void aMonthlyDeductibleIsConsumedOncePerMonth(@ForAll("visitAmounts") List<BigDecimal> visits,
                                                  @ForAll boolean afterRatio) {
        BigDecimal deductible = new BigDecimal("100.00");
        BigDecimal ratio = new BigDecimal("0.75");
        PolicyDocument reference = ReferencePolicy.employee();
        PolicyDocument policy = new PolicyDocument(reference.inpatient(), reference.outpatient(), BigDecimal.ZERO,
                BigDecimal.ONE, reference.preSelfPayShare(), null, null, Map.of("HYPERTENSION",
                new PolicyDocument.Chronic("高血压", deductible, ratio, new BigDecimal("100000000"), false,
                        PolicyDocument.DeductiblePeriod.MONTH, afterRatio ? PolicyDocument.DeductibleTiming.AFTER_RATIO
                        : PolicyDocument.DeductibleTiming.BEFORE_RATIO)), null);
        ChronicUse month = ChronicUse.NONE;
        BigDecimal couldTake = ZERO;
        for (BigDecimal amount : visits) {
            FundBreakdown b = SettlementCalculator.calculate(new SettlementInput(policy, MedicalType.CHRONIC_OUTPATIENT,
                    2, List.of(new BillLine("A", BigDecimal.ONE, amount)), Map.of("A", new CatalogEntry(Category.A, null)),
                    Accumulators.NONE, false, null, null, "HYPERTENSION", month));
            month = month.plus(b.chronicUsed());
            couldTake = couldTake.add(afterRatio ? amount.multiply(ratio).setScale(2, java.math.RoundingMode.HALF_UP)
                    : amount);
            assertTrue(month.deductibleUsed().compareTo(deductible) <= 0, "never more than the month's deductible");
        }
        assertEquals(deductible.min(couldTake), month.deductibleUsed());
    }

    @Provide
    Arbitrary<List<BigDecimal>> visitAmounts() {
        return money(30_000).list().ofMinSize(1).ofMaxSize(8);
    }
}
