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

/** Properties of the calculation that must hold for every bill, policy state and person. */
class SettlementPropertiesTest {

    private static final PolicyDocument POLICY = ReferencePolicy.employee("0.5");
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** A bill with its catalog: item codes I0..I9 with random categories and limits, some unlisted. */
    record Case(List<BillLine> lines, Map<String, CatalogEntry> catalog, MedicalType type, int level,
                Accumulators acc, boolean retired, boolean blocked, BigDecimal reduction) {

        SettlementInput input(List<BillLine> withLines) {
            return new SettlementInput(POLICY, type, level, withLines, catalog, acc, retired,
                    blocked ? "excluded" : null, reduction, type == MedicalType.CHRONIC_OUTPATIENT ? "DIALYSIS" : null,
                    ChronicUse.NONE);
        }
    }

    static Arbitrary<BigDecimal> money(int maxCents) {
        return Arbitraries.integers().between(0, maxCents).map(c -> BigDecimal.valueOf(c, 2));
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<BillLine> line = Combinators.combine(Arbitraries.integers().between(0, 11).map(i -> "I" + i),
                Arbitraries.integers().between(1, 5000).map(q -> BigDecimal.valueOf(q, 2)),
                money(800_000)).as(BillLine::new);
        Arbitrary<Map<String, CatalogEntry>> catalog = Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            Map<String, CatalogEntry> map = new HashMap<>();
            for (int i = 0; i < 10; i++) {
                Category category = Category.values()[r.nextInt(Category.values().length)];
                BigDecimal limit = r.nextBoolean() ? BigDecimal.valueOf(r.nextInt(500_000), 2) : null;
                map.put("I" + i, new CatalogEntry(category, limit));
            }
            return map;
        });
        Arbitrary<Accumulators> acc = Combinators.combine(money(12_000_000), money(80_000), money(200_000),
                money(20_000_000), money(40_000_000), Arbitraries.integers().between(0, 4)).as(Accumulators::new);
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(12), catalog,
                Arbitraries.of(MedicalType.class), Arbitraries.integers().between(1, 3), acc,
                Arbitraries.of(true, false), Arbitraries.of(true, false, false, false),
                Arbitraries.of(null, new BigDecimal("0.10"))).as(Case::new);
    }

    @Property(tries = 400)
    void everySumHoldsToTheCent(@ForAll("cases") Case c) {
        FundBreakdown b = SettlementCalculator.calculate(c.input(c.lines()));
        for (BigDecimal amount : List.of(b.totalAmount(), b.selfFundedAmount(), b.overLimitAmount(),
                b.preSelfPayAmount(), b.eligibleAmount(), b.deductibleApplied(), b.poolFundPaid(),
                b.catastrophicPaid(), b.fundPaidTotal(), b.personalBurden())) {
            assertEquals(2, amount.scale(), "scale 2: " + amount);
            assertTrue(amount.signum() >= 0, "never negative: " + amount);
        }
        assertEquals(b.eligibleAmount(), b.totalAmount().subtract(b.selfFundedAmount()).subtract(b.overLimitAmount())
                .subtract(b.preSelfPayAmount()));
        assertEquals(b.fundPaidTotal(), b.poolFundPaid().add(b.catastrophicPaid()));
        assertEquals(b.personalBurden(), b.totalAmount().subtract(b.fundPaidTotal()));
        BigDecimal lineSum = c.lines().stream().map(l -> l.quantity().multiply(l.unitPrice())
                .setScale(2, java.math.RoundingMode.HALF_UP)).reduce(ZERO, BigDecimal::add);
        assertEquals(lineSum, b.totalAmount());
    }

    @Property(tries = 400)
    void theFundNeverPaysMoreThanTheEligibleAmountOrTheRemainingCaps(@ForAll("cases") Case c) {
        FundBreakdown b = SettlementCalculator.calculate(c.input(c.lines()));
        assertTrue(b.fundPaidTotal().compareTo(b.eligibleAmount()) <= 0, "fund <= eligible");
        assertTrue(b.deductibleApplied().add(b.poolFundPaid()).compareTo(b.eligibleAmount()) <= 0);
        BigDecimal inpatientLeft = POLICY.inpatient().annualCap().subtract(c.acc().inpatientFundPaid()).max(ZERO);
        BigDecimal outpatientLeft = POLICY.outpatient().annualCap().subtract(c.acc().outpatientFundPaid()).max(ZERO);
        BigDecimal catastrophicLeft = POLICY.catastrophic().annualCap().subtract(c.acc().catastrophicPaid()).max(ZERO);
        if (c.type() == MedicalType.INPATIENT) {
            assertTrue(b.poolFundPaid().compareTo(inpatientLeft) <= 0);
            assertTrue(b.catastrophicPaid().compareTo(catastrophicLeft) <= 0);
        } else if (c.type() == MedicalType.CHRONIC_OUTPATIENT) {
            // dialysis shares the inpatient cap and never touches the outpatient pooling quotas
            assertTrue(b.poolFundPaid().compareTo(inpatientLeft.min(new BigDecimal("60000"))) <= 0);
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
        // and what a settlement adds is exactly what it paid and the burden it left in scope
        if (c.type() == MedicalType.INPATIENT && !c.blocked()) {
            assertEquals(b.poolFundPaid(), b.used().inpatientFundPaid());
            assertEquals(b.catastrophicPaid(), b.used().catastrophicPaid());
            assertEquals(b.eligibleAmount().subtract(b.poolFundPaid()), b.used().catastrophicBurden());
        }
    }
}
