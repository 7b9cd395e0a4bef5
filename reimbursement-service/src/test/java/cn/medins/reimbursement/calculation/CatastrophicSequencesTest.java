package cn.medins.reimbursement.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.common.money.Money;
import cn.medins.reimbursement.calculation.SettlementInput.BillLine;
import cn.medins.reimbursement.calculation.SettlementInput.CatalogEntry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A person's year as a random sequence of settlements (stays and chronic visits) and cancellations,
 * run through the calculator with accumulators kept the way the service keeps them (a settlement adds
 * what it used, a cancellation subtracts exactly that).
 *
 * <p>What must hold (docs/rules.md, catastrophic insurance across cancellations): every settlement's
 * catastrophic payment is what the bands owe on the year's live base after it minus what the live
 * settlements were already paid, never below 0 and within the yearly cap; so a settlement never
 * raises the live payments above what the bands owe (it cannot pay what was already paid, however
 * the settlements before it were cancelled and settled again), and after it the live payments are
 * what the bands owe on the live base unless its own base could not hold the difference; and
 * settling then cancelling any one settlement restores every accumulator exactly. A cancellation takes back only its own payment, so cancelling an
 * earlier settlement can leave the later ones holding more than the bands owe on what is left
 * (completed payments are never clawed back); the next settlement then pays nothing until the base
 * has caught up.
 */
class CatastrophicSequencesTest {

    private static final PolicyDocument POLICY = ReferencePolicy.employee();
    private static final Map<String, CatalogEntry> CATALOG = Map.of("A", new CatalogEntry(Category.A, null),
            "B", new CatalogEntry(Category.B, null));

    /** Settle a bill (index into the kinds below), or cancel the live settlement at {@code pick % live}. */
    record Step(boolean cancel, int pick, int kind, BigDecimal amount) {
    }

    @Provide
    Arbitrary<List<Step>> years() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(false, false, true), Arbitraries.integers()
                        .between(0, 50), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(1, 12_000_000).map(c -> BigDecimal.valueOf(c, 2))).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    private record Live(FundBreakdown breakdown, String disease) {
    }

    private static FundBreakdown settle(Step step, Accumulators acc, Map<String, ChronicUse> chronic) {
        List<BillLine> lines = List.of(new BillLine("A", BigDecimal.ONE, step.amount()),
                new BillLine("B", BigDecimal.ONE, step.amount().divide(BigDecimal.TEN, Money.ROUNDING).setScale(2,
                        Money.ROUNDING)));
        return switch (step.kind()) {
            case 0 -> SettlementCalculator.calculate(new SettlementInput(POLICY, MedicalType.INPATIENT, 3, lines,
                    CATALOG, acc, false, null, null));
            case 1 -> SettlementCalculator.calculate(new SettlementInput(POLICY, MedicalType.INPATIENT, 1, lines,
                    CATALOG, acc, true, null, null));
            default -> {
                String disease = disease(step);
                yield SettlementCalculator.calculate(new SettlementInput(POLICY, MedicalType.CHRONIC_OUTPATIENT, 2,
                        lines, CATALOG, acc, false, null, null, disease,
                        chronic.getOrDefault(disease, ChronicUse.NONE)));
            }
        };
    }

    /** What the bands owe on a yearly base, within the yearly cap, computed here independently. */
    private static BigDecimal owed(BigDecimal base) {
        PolicyDocument.Catastrophic c = POLICY.catastrophic();
        BigDecimal above = base.subtract(c.threshold()).max(BigDecimal.ZERO);
        BigDecimal lower = BigDecimal.ZERO;
        BigDecimal owed = Money.ZERO;
        for (PolicyDocument.Band band : c.bands()) {
            if (above.compareTo(lower) <= 0) {
                break;
            }
            BigDecimal upper = band.upTo() == null ? above : above.min(band.upTo());
            owed = owed.add(Money.of(upper.subtract(lower).multiply(band.ratio())));
            lower = band.upTo() == null ? above : band.upTo();
        }
        return owed.min(c.annualCap());
    }

    @Property(tries = 300)
    void noSettlementPaysWhatTheBandsDoNotOweOnTheLiveBase(@ForAll("years") List<Step> year) {
        Accumulators acc = Accumulators.NONE;
        Map<String, ChronicUse> chronic = new HashMap<>();
        List<Live> live = new ArrayList<>();
        boolean cancelled = false;
        for (Step step : year) {
            if (step.cancel() && !live.isEmpty()) {
                Live gone = live.remove(step.pick() % live.size());
                acc = acc.minus(gone.breakdown().used());
                chronic.computeIfPresent(gone.disease(), (k, u) -> u.plus(gone.breakdown().chronicUsed().negated()));
                cancelled = true;
            } else if (!step.cancel()) {
                BigDecimal paidBefore = acc.catastrophicPaid();
                FundBreakdown b = settle(step, acc, chronic);
                BigDecimal paid = b.catastrophicPaid();
                assertTrue(paid.signum() >= 0, "never negative");
                assertTrue(paid.compareTo(b.used().catastrophicBurden()) <= 0, "never more than its own base");
                acc = acc.plus(b.used());
                String disease = disease(step);
                if (disease != null) {
                    chronic.merge(disease, b.chronicUsed(), ChronicUse::plus);
                }
                live.add(new Live(b, disease));
                BigDecimal owed = owed(acc.catastrophicBurden());
                // it pays nothing the live settlements already hold, whatever was cancelled before it ...
                assertTrue(acc.catastrophicPaid().compareTo(owed.max(paidBefore)) <= 0, "paid " + paidBefore + " + "
                        + paid + " while the bands owe " + owed + " on the live base " + acc.catastrophicBurden());
                // ... and brings the year's payments up to what the bands owe, unless its own base
                // could not hold the difference (a settlement never pays more than the person's
                // in-scope share; a cancellation can leave the others short of what is owed)
                boolean tookItsWholeBase = paid.compareTo(b.used().catastrophicBurden()) == 0;
                assertTrue(tookItsWholeBase || acc.catastrophicPaid().compareTo(owed) >= 0,
                        "paid " + acc.catastrophicPaid() + " while the bands owe " + owed);
            }
            // the accumulators always equal the sums over the live settlements
            Accumulators sum = live.stream().map(l -> l.breakdown().used()).reduce(Accumulators.NONE,
                    Accumulators::plus);
            assertEquals(sum, acc);
            for (Map.Entry<String, ChronicUse> e : chronic.entrySet()) {
                ChronicUse sumOf = live.stream().filter(l -> e.getKey().equals(l.disease()))
                        .map(l -> l.breakdown().chronicUsed()).reduce(ChronicUse.NONE, ChronicUse::plus);
                assertEquals(sumOf, e.getValue());
            }
            if (!cancelled) {
                // without cancellations the live payments are exactly what the bands owe (to the cent
                // of the segment roundings, which a settlement's own base may cap)
                BigDecimal gap = owed(acc.catastrophicBurden()).subtract(acc.catastrophicPaid());
                assertTrue(gap.signum() >= 0 && gap.compareTo(new BigDecimal("0.05")) <= 0,
                        "paid " + acc.catastrophicPaid() + " vs owed " + owed(acc.catastrophicBurden()));
            }
        }
    }

    @Property(tries = 300)
    void settlingThenCancellingRestoresEveryAccumulatorExactly(@ForAll("years") List<Step> year) {
        Accumulators acc = Accumulators.NONE;
        Map<String, ChronicUse> chronic = new HashMap<>();
        for (Step step : year) {
            FundBreakdown b = settle(step, acc, chronic);
            String disease = disease(step);
            Accumulators withIt = acc.plus(b.used());
            ChronicUse useWithIt = chronic.getOrDefault(disease, ChronicUse.NONE).plus(b.chronicUsed());
            if (step.cancel()) {
                // settled, then cancelled at once: every figure back to the cent, scale included
                assertEquals(acc, withIt.minus(b.used()));
                assertEquals(chronic.getOrDefault(disease, ChronicUse.NONE), useWithIt.plus(b.chronicUsed().negated()));
            } else {
                acc = withIt;
                if (disease != null) {
                    chronic.put(disease, useWithIt);
                }
            }
        }
    }

    private static String disease(Step step) {
        return step.kind() < 2 ? null : step.kind() == 2 ? "DIALYSIS" : "DIABETES";
    }
}
