package cn.medins.bench;

import cn.medins.reimbursement.calculation.Accumulators;
import cn.medins.reimbursement.calculation.Category;
import cn.medins.reimbursement.calculation.FundBreakdown;
import cn.medins.reimbursement.calculation.MedicalType;
import cn.medins.reimbursement.calculation.PolicyDocument;
import cn.medins.reimbursement.calculation.PolicyDocument.Band;
import cn.medins.reimbursement.calculation.SettlementCalculator;
import cn.medins.reimbursement.calculation.SettlementInput;
import cn.medins.reimbursement.calculation.SettlementInput.BillLine;
import cn.medins.reimbursement.calculation.SettlementInput.CatalogEntry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Settlements per second of the pure calculator on one thread: the worked inpatient stay of the
 * README (five lines: category A, B, a price-limited bed, self-funded, unlisted; four bands;
 * catastrophic check), the same stay under a policy with three variants, and a one-line outpatient
 * visit, as the counter sends them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class CalculatorBenchmark {

    private final SettlementInput stay = new SettlementInput(policy(), MedicalType.INPATIENT, 3, List.of(
            new BillLine("A001", d("1"), d("10000")), new BillLine("B001", d("10"), d("500")),
            new BillLine("BED", d("10"), d("120")), new BillLine("IMPLANT", d("1"), d("2000")),
            new BillLine("X999", d("1"), d("300"))), Map.of(
            "A001", new CatalogEntry(Category.A, null), "B001", new CatalogEntry(Category.B, null),
            "BED", new CatalogEntry(Category.A, d("100")), "IMPLANT", new CatalogEntry(Category.SELF_FUNDED, null)),
            Accumulators.NONE, false, null, null);

    private final SettlementInput visit = new SettlementInput(policy(), MedicalType.GENERAL_OUTPATIENT, 3,
            List.of(new BillLine("A001", d("1"), d("12.50"))), Map.of("A001", new CatalogEntry(Category.A, null)),
            Accumulators.NONE, false, null, null);

    /**
     * The same stay under a policy with three variants (retirees, children, people over 70), for a
     * retiree of 72: what settlement does per stay beyond the calculation is to pick the variants
     * that match and look up their merged document (reimbursement's PolicyVariants merges each set
     * once and keeps it; here the merged document is made once in the same way, by hand).
     */
    private final PolicyDocument withVariants = variants(policy());
    private final Map<List<Integer>, PolicyDocument> merged = new java.util.concurrent.ConcurrentHashMap<>(
            Map.of(List.of(0, 2), retireeOver70(policy())));
    private final java.time.LocalDate birth = java.time.LocalDate.parse("1954-03-02");
    private final java.time.LocalDate admitted = java.time.LocalDate.parse("2026-06-15");

    @Benchmark
    public FundBreakdown inpatientStay() {
        return SettlementCalculator.calculate(stay);
    }

    @Benchmark
    public FundBreakdown inpatientStayThreeVariants() {
        List<Integer> applied = withVariants.variantsFor("RETIRED", birth, admitted);
        PolicyDocument document = applied.isEmpty() ? withVariants : merged.get(applied);
        return SettlementCalculator.calculate(new SettlementInput(document, stay.medicalType(), stay.institutionLevel(),
                stay.lines(), stay.catalog(), stay.accumulators(), true, null, null));
    }

    private static PolicyDocument variants(PolicyDocument p) {
        return new PolicyDocument(p.inpatient(), p.outpatient(), p.retireeBonus(), p.maxRatio(), p.preSelfPayShare(),
                p.catastrophic(), p.remote(), p.chronic(), p.claims(), List.of(
                new PolicyDocument.Variant(new PolicyDocument.When("RETIRED", null, null), Map.of("retireeBonus", 0)),
                new PolicyDocument.Variant(new PolicyDocument.When(null, 0, 17), Map.of("maxRatio", 1)),
                new PolicyDocument.Variant(new PolicyDocument.When(null, 70, null), Map.of("inpatient",
                        Map.of("deductibleByLevel", Map.of("3", 600))))));
    }

    /** What the first and third variants make of the document for a retiree over 70. */
    private static PolicyDocument retireeOver70(PolicyDocument p) {
        PolicyDocument.Inpatient i = p.inpatient();
        return new PolicyDocument(new PolicyDocument.Inpatient(Map.of("1", d("200"), "2", d("400"), "3", d("600")),
                i.repeatAdmissionDeductibleFactor(), i.bandsByLevel(), i.annualCap()), p.outpatient(), d("0"),
                p.maxRatio(), p.preSelfPayShare(), p.catastrophic(), p.remote(), p.chronic(), p.claims());
    }

    @Benchmark
    public FundBreakdown outpatientVisit() {
        return SettlementCalculator.calculate(visit);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** The reference employee policy (docs/rules.md section 5). */
    private static PolicyDocument policy() {
        List<Band> bands = List.of(new Band(d("3000"), d("0.88")), new Band(d("5000"), d("0.90")),
                new Band(d("10000"), d("0.92")), new Band(null, d("0.95")));
        return new PolicyDocument(
                new PolicyDocument.Inpatient(Map.of("1", d("200"), "2", d("400"), "3", d("800")), d("1.0"),
                        Map.of("1", bands, "2", bands, "3", bands), d("100000")),
                new PolicyDocument.Outpatient(d("600"), d("1800"), Map.of("1", d("0.60"), "2", d("0.55"), "3", d("0.50"))),
                d("0.05"), d("1.00"),
                Map.of("A", d("0"), "B", d("0.20"), "EXPENSIVE_DRUG", d("0.30"), "SPECIAL_TREATMENT", d("0.30")),
                new PolicyDocument.Catastrophic(d("11000"), List.of(new Band(d("100000"), d("0.60")),
                        new Band(null, d("0.70"))), d("400000")),
                new PolicyDocument.Remote(d("0.10")), null, null);
    }
}
