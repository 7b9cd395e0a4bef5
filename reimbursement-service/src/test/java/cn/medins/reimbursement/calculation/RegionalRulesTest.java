package cn.medins.reimbursement.calculation;

import static cn.medins.reimbursement.calculation.ReferencePolicy.d;
import static cn.medins.reimbursement.calculation.SettlementCalculatorTest.acc;
import static cn.medins.reimbursement.calculation.SettlementCalculatorTest.money;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.reimbursement.calculation.PolicyDocument.Band;
import cn.medins.reimbursement.calculation.SettlementInput.BillLine;
import cn.medins.reimbursement.calculation.SettlementInput.CatalogEntry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The regional rules of docs/rules.md section 9, one by one, with the figures bureaus publish: band
 * edges on the eligible amount and on the year's burden, deductibles that change with each admission,
 * chronic deductibles per month taken off after the ratio, and bills with decimals.
 */
class RegionalRulesTest {

    private static final Map<String, CatalogEntry> CATALOG = Map.of("A", new CatalogEntry(Category.A, null));

    /** A resident table (三级): deductible 400; 80% to 10,000, 85% to 30,000, 90% above, on the bill; cap 60,000. */
    static PolicyDocument residentTable(List<BigDecimal> factors, BigDecimal floor) {
        PolicyDocument reference = ReferencePolicy.employee();
        List<Band> bands = List.of(new Band(d("10000"), d("0.80")), new Band(d("30000"), d("0.85")),
                new Band(null, d("0.90")));
        return new PolicyDocument(new PolicyDocument.Inpatient(Map.of("1", d("200"), "2", d("300"), "3", d("400")), null,
                Map.of("1", bands, "2", bands, "3", bands), d("60000"),
                PolicyDocument.InpatientBandBasis.ELIGIBLE_AMOUNT, factors, floor),
                reference.outpatient(), d("0"), d("1"), reference.preSelfPayShare(), null, reference.remote(),
                null, null);
    }

    private static FundBreakdown stay(PolicyDocument policy, int level, String amount, Accumulators acc) {
        return SettlementCalculator.calculate(new SettlementInput(policy, MedicalType.INPATIENT, level,
                List.of(new BillLine("A", d("1"), d(amount))), CATALOG, acc, false, null, null));
    }

    private static void traced(FundBreakdown b, String text) {
        assertTrue(b.trace().stream().anyMatch(line -> line.contains(text)), () -> text + " not in " + b.trace());
    }

    @Test
    void bandEdgesOnTheBillFirstAdmission() {
        // (10,000 - 400) x 80% = 7,680; 20,000 x 85% = 17,000; (69,244.44 - 30,000) x 90% = 35,320.00
        FundBreakdown b = stay(residentTable(List.of(d("1.0"), d("0.7"), d("0.5")), null), 3, "69244.44",
                Accumulators.NONE);
        money("400", b.deductibleApplied());
        traced(b, "400.00 to 10,000.00: 9,600.00 x 80% = 7,680.00");
        traced(b, "10,000.00 to 30,000.00: 20,000.00 x 85% = 17,000.00");
        traced(b, "above 30,000.00: 39,244.44 x 90% = 35,320.00");
        money("60000", b.poolFundPaid());
    }

    @Test
    void secondAndThirdAdmissionsTakeSeventyThenFiftyPercentOfTheDeductible() {
        PolicyDocument policy = residentTable(List.of(d("1.0"), d("0.7"), d("0.5")), null);
        // the second admission: 400 x 70% = 280; (10,000 - 280) x 80% = 7,776
        FundBreakdown second = stay(policy, 3, "10000", acc("0", "0", "0", "0", "0", 1));
        money("280", second.deductibleApplied());
        money("7776", second.poolFundPaid());
        traced(second, "admission 2 this year: deductible 400.00 x 0.7 = 280.00");
        // the third and later: 400 x 50% = 200; (10,000 - 200) x 80% = 7,840
        FundBreakdown third = stay(policy, 3, "10000", acc("0", "0", "0", "0", "0", 2));
        money("200", third.deductibleApplied());
        money("7840", third.poolFundPaid());
        FundBreakdown fifth = stay(policy, 3, "10000", acc("0", "0", "0", "0", "0", 4));
        money("200", fifth.deductibleApplied()); // the last factor repeats
    }

    @Test
    void aDeductibleAfterItsFactorNeverFallsBelowTheFloor() {
        // 75% for the second, 75% x 50% from the third, never below 150: level 3 (400) -> 300, 150;
        // level 1 (200) -> 150, 75 raised to 150
        PolicyDocument policy = residentTable(List.of(d("1"), d("0.75"), d("0.375")), d("150"));
        money("300", stay(policy, 3, "10000", acc("0", "0", "0", "0", "0", 1)).deductibleApplied());
        money("150", stay(policy, 3, "10000", acc("0", "0", "0", "0", "0", 2)).deductibleApplied());
        money("150", stay(policy, 1, "10000", acc("0", "0", "0", "0", "0", 1)).deductibleApplied());
        FundBreakdown floored = stay(policy, 1, "10000", acc("0", "0", "0", "0", "0", 2));
        money("150", floored.deductibleApplied());
        traced(floored, "raised to the floor 150.00");
    }

    @Test
    void aBandWhollyBelowTheDeductiblePaysNothing() {
        List<Band> bands = List.of(new Band(d("300"), d("0.50")), new Band(null, d("0.80")));
        PolicyDocument reference = ReferencePolicy.employee();
        PolicyDocument policy = new PolicyDocument(new PolicyDocument.Inpatient(Map.of("1", d("400"), "2", d("400"),
                "3", d("400")), d("1"), Map.of("1", bands, "2", bands, "3", bands), d("60000"),
                PolicyDocument.InpatientBandBasis.ELIGIBLE_AMOUNT, null, null), reference.outpatient(), d("0"), d("1"),
                reference.preSelfPayShare(), null, null, null, null);
        // 1,000 eligible, deductible 400: band 1 (to 300) lies below it; 600 x 80% = 480
        money("480", stay(policy, 3, "1000", Accumulators.NONE).poolFundPaid());
    }

    @Test
    void catastrophicBandsOnTheYearsBurden() {
        // 12,000-30,000 at 60%, 30,000-100,000 at 65%, above 100,000 at 75%: a burden of 150,000 ->
        // 10,800 + 45,500 + 37,500 = 93,800 (the basic fund's yearly cap already used up)
        PolicyDocument reference = ReferencePolicy.employee();
        PolicyDocument policy = new PolicyDocument(reference.inpatient(), reference.outpatient(),
                reference.retireeBonus(), reference.maxRatio(), reference.preSelfPayShare(),
                new PolicyDocument.Catastrophic(d("12000"), List.of(new Band(d("30000"), d("0.60")),
                        new Band(d("100000"), d("0.65")), new Band(null, d("0.75"))), d("400000"),
                        PolicyDocument.CatastrophicBandBasis.BURDEN), null, null, null);
        FundBreakdown b = stay(policy, 3, "150000", acc("100000", "0", "0", "0", "0", 1));
        money("0", b.poolFundPaid());
        traced(b, "12,000.00 to 30,000.00: 18,000.00 x 60% = 10,800.00");
        traced(b, "30,000.00 to 100,000.00: 70,000.00 x 65% = 45,500.00");
        traced(b, "above 100,000.00: 50,000.00 x 75% = 37,500.00");
        money("93800", b.catastrophicPaid());
    }

    private static PolicyDocument chronicMonthlyAfterRatio() {
        PolicyDocument reference = ReferencePolicy.employee();
        return new PolicyDocument(reference.inpatient(), reference.outpatient(), d("0"), d("1"),
                reference.preSelfPayShare(), null, null,
                Map.of("HYPERTENSION", new PolicyDocument.Chronic("高血压", d("100"), d("0.75"), d("3000"), false,
                        PolicyDocument.DeductiblePeriod.MONTH, PolicyDocument.DeductibleTiming.AFTER_RATIO)), null);
    }

    private static FundBreakdown chronicVisit(PolicyDocument policy, String amount, ChronicUse monthSoFar) {
        return SettlementCalculator.calculate(new SettlementInput(policy, MedicalType.CHRONIC_OUTPATIENT, 2,
                List.of(new BillLine("A", d("1"), d(amount))), CATALOG, Accumulators.NONE, true, null, null,
                "HYPERTENSION", monthSoFar));
    }

    @Test
    void aChronicDeductiblePerMonthIsTakenOffAfterTheRatio() {
        // retirees 75%, 100 a person a month off what the fund pays: 200 x 75% - 100 = 50
        FundBreakdown first = chronicVisit(chronicMonthlyAfterRatio(), "200", ChronicUse.NONE);
        money("50", first.poolFundPaid());
        money("100", first.chronicUsed().deductibleUsed());
        traced(first, "200.00 x 75% = 150.00 - monthly deductible left 100.00 = 50.00");
        // the month's deductible is used up: a second visit that month pays 200 x 75% = 150
        FundBreakdown second = chronicVisit(chronicMonthlyAfterRatio(), "200", first.chronicUsed());
        money("150", second.poolFundPaid());
        money("0", second.chronicUsed().deductibleUsed());
        // a visit smaller than the deductible: the fund pays nothing, never less than 0
        FundBreakdown small = chronicVisit(chronicMonthlyAfterRatio(), "80", ChronicUse.NONE);
        money("0", small.poolFundPaid());
        money("60", small.chronicUsed().deductibleUsed());
    }

    @Test
    void billsWithDecimalQuantitiesAndSixDecimalPricesAreRoundedPerLine() {
        // 2.5 g x 0.0325 = 0.08125 -> 0.08; 3 x 0.333333 = 0.999999 -> 1.00
        FundBreakdown b = SettlementCalculator.calculate(new SettlementInput(ReferencePolicy.employee(),
                MedicalType.GENERAL_OUTPATIENT, 1, List.of(new BillLine("A", d("2.5"), d("0.0325")),
                new BillLine("A", d("3"), d("0.333333"))), CATALOG, Accumulators.NONE, false, null, null));
        money("1.08", b.totalAmount());
    }
}
