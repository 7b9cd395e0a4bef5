package cn.medins.reimbursement.calculation;

import static cn.medins.reimbursement.calculation.ReferencePolicy.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.reimbursement.calculation.SettlementInput.BillLine;
import cn.medins.reimbursement.calculation.SettlementInput.CatalogEntry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed settlements with the reference policy (docs/rules.md section 5). Each test writes the
 * calculation out so that a reader can check it.
 */
class SettlementCalculatorTest {

    static final Map<String, CatalogEntry> CATALOG = Map.of(
            "A001", new CatalogEntry(Category.A, null),
            "B001", new CatalogEntry(Category.B, null),
            "EXP01", new CatalogEntry(Category.EXPENSIVE_DRUG, null),
            "SPEC01", new CatalogEntry(Category.SPECIAL_TREATMENT, null),
            "BED", new CatalogEntry(Category.A, d("100")),
            "IMPLANT", new CatalogEntry(Category.SELF_FUNDED, null));

    /** total 18,500: A 10,000; B 10 x 500; bed 10 x 120 (limit 100); implant 2,000; unlisted 300. */
    static final List<BillLine> HOSPITAL_STAY = List.of(
            new BillLine("A001", d("1"), d("10000")),
            new BillLine("B001", d("10"), d("500")),
            new BillLine("BED", d("10"), d("120")),
            new BillLine("IMPLANT", d("1"), d("2000")),
            new BillLine("X999", d("1"), d("300")));

    static SettlementInput input(MedicalType type, int level, List<BillLine> lines, Accumulators acc, boolean retired,
                                 String blocked, BigDecimal reduction, String repeatFactor) {
        return new SettlementInput(ReferencePolicy.employee(repeatFactor), type, level, lines, CATALOG, acc, retired,
                blocked, reduction);
    }

    static FundBreakdown inpatient(int level, List<BillLine> lines, Accumulators acc, boolean retired) {
        return SettlementCalculator.calculate(input(MedicalType.INPATIENT, level, lines, acc, retired, null, null, "1.0"));
    }

    static Accumulators acc(String inpatientFund, String outDeductible, String outFund, String catBurden,
                            String catPaid, int admissions) {
        return new Accumulators(d(inpatientFund), d(outDeductible), d(outFund), d(catBurden), d(catPaid), admissions);
    }

    static void money(String expected, BigDecimal actual) {
        assertEquals(new BigDecimal(expected).setScale(2), actual);
    }

    @Test
    void inpatientAtALevel3HospitalSegmentBySegment() {
        FundBreakdown b = inpatient(3, HOSPITAL_STAY, Accumulators.NONE, false);
        money("18500", b.totalAmount());
        money("2300", b.selfFundedAmount());      // implant 2,000 + unlisted 300
        money("200", b.overLimitAmount());        // bed: 10 x (120 - 100)
        money("1000", b.preSelfPayAmount());      // B: 5,000 x 20%
        money("15000", b.eligibleAmount());       // 18,500 - 2,300 - 200 - 1,000
        money("800", b.deductibleApplied());      // level 3, first admission
        // 14,200 above the deductible: 3,000 x 88% = 2,640; 2,000 x 90% = 1,800; 5,000 x 92% = 4,600;
        // 4,200 x 95% = 3,990; total 13,030
        money("13030", b.poolFundPaid());
        money("0", b.catastrophicPaid());         // yearly burden 15,000 - 13,030 = 1,970 < 11,000
        money("13030", b.fundPaidTotal());
        money("5470", b.personalBurden());        // 18,500 - 13,030
        assertEquals(List.of("X999"), b.unlistedItems());
        money("13030", b.used().inpatientFundPaid());
        money("1970", b.used().catastrophicBurden());
        assertEquals(1, b.used().admissions());
        assertTrue(b.trace().contains("  3,000.00 to 5,000.00: 2,000.00 x 90% = 1,800.00"), b.trace().toString());
        assertTrue(b.trace().stream().anyMatch(t -> t.contains("eligible 15,000.00 - deductible (起付线) 800.00 = 14,200.00")));
    }

    @Test
    void retireesGetFivePointsMoreOnEveryBandCappedAtTheMaximum() {
        FundBreakdown b = inpatient(3, HOSPITAL_STAY, Accumulators.NONE, true);
        // 3,000 x 93% = 2,790; 2,000 x 95% = 1,900; 5,000 x 97% = 4,850; 4,200 x 100% (95% + 5%, max 100%) = 4,200
        money("13740", b.poolFundPaid());
        money("4760", b.personalBurden());
    }

    @Test
    void aLevel1OrPrimaryInstitutionHasTheLowestDeductible() {
        FundBreakdown b = inpatient(1, List.of(new BillLine("A001", d("1"), d("1000"))), Accumulators.NONE, false);
        money("200", b.deductibleApplied());
        money("704", b.poolFundPaid());           // (1,000 - 200) x 88%
    }

    @Test
    void aRepeatAdmissionUsesThePolicysDeductibleFactor() {
        // Luoyang: the second admission of the year pays half the deductible: level 2, 400 x 0.5 = 200
        FundBreakdown b = SettlementCalculator.calculate(input(MedicalType.INPATIENT, 2,
                List.of(new BillLine("A001", d("1"), d("5000"))), acc("3000", "0", "0", "1000", "0", 1), false,
                null, null, "0.5"));
        money("200", b.deductibleApplied());
        // 4,800 above: 3,000 x 88% = 2,640; 1,800 x 90% = 1,620
        money("4260", b.poolFundPaid());
        // 2025 national policy (factor 1.0): the same deductible again
        FundBreakdown same = SettlementCalculator.calculate(input(MedicalType.INPATIENT, 2,
                List.of(new BillLine("A001", d("1"), d("5000"))), acc("3000", "0", "0", "1000", "0", 1), false,
                null, null, "1.0"));
        money("400", same.deductibleApplied());
    }

    @Test
    void theYearlyCapLimitsThePooledFund() {
        FundBreakdown b = inpatient(3, HOSPITAL_STAY, acc("99000", "0", "0", "0", "0", 2), false);
        money("1000", b.poolFundPaid());          // 13,030 due, 100,000 - 99,000 = 1,000 left
        // catastrophic base = 15,000 - 1,000 = 14,000 > 11,000: (14,000 - 11,000) x 60% = 1,800
        money("1800", b.catastrophicPaid());
        money("2800", b.fundPaidTotal());
        money("15700", b.personalBurden());
        money("1000", b.poolCapLeft());           // 本次可支付限额: the cap's rest before this stay
        money("400000", b.catastrophicCapLeft()); // nothing paid by catastrophic yet this year
    }

    @Test
    void theCatastrophicTopUpPaysTheYearlyBurdenAboveTheThreshold() {
        // burden this year 10,000 before; this stay adds 1,970: 11,970 - 11,000 = 970 x 60% = 582
        FundBreakdown b = inpatient(3, HOSPITAL_STAY, acc("20000", "0", "0", "10000", "0", 1), false);
        money("13030", b.poolFundPaid());
        money("582", b.catastrophicPaid());
        money("13612", b.fundPaidTotal());
        money("1970", b.used().catastrophicBurden());
        money("582", b.used().catastrophicPaid());
    }

    @Test
    void theCatastrophicBandsAreMeasuredAboveTheThreshold() {
        // before: 110,000 (99,000 above: x 60% = 59,400); after +1,970 = 111,970 (100,970 above:
        // 100,000 x 60% = 60,000 + 970 x 70% = 679 -> 60,679); this stay: 60,679 - 59,400 = 1,279
        FundBreakdown b = inpatient(3, HOSPITAL_STAY, acc("20000", "0", "0", "110000", "59400", 3), false);
        money("1279", b.catastrophicPaid());
    }

    @Test
    void theCatastrophicCapStopsTheTopUp() {
        // before: 596,571.43 (100,000 x 60% = 60,000 + 485,571.43 x 70% = 339,900.00 -> 399,900 paid);
        // after +1,970: 60,000 + 487,541.43 x 70% = 341,279.00 -> 401,279 owed - 399,900 paid = 1,379 due;
        // 400,000 - 399,900 = 100 left of the yearly cap
        FundBreakdown b = inpatient(3, HOSPITAL_STAY, acc("20000", "0", "0", "596571.43", "399900", 1), false);
        money("100", b.catastrophicPaid());
        money("100", b.catastrophicCapLeft());
        money("80000", b.poolCapLeft());          // 100,000 - 20,000
    }

    /** A stay at the level-3 hospital once the inpatient cap is used up: the whole eligible amount is burden. */
    static FundBreakdown stayAfterTheCap(String amount, Accumulators acc) {
        return inpatient(3, List.of(new BillLine("A001", d("1"), d(amount))), acc, false);
    }

    @Test
    void aCancelledStaySettledAgainIsNotPaidTheCatastrophicTopUpTwice() {
        // the year so far: the inpatient cap used up, an in-scope burden of 5,000, nothing paid by catastrophic
        Accumulators start = acc("100000", "0", "0", "5000", "0", 1);
        // stay A, 10,000 eligible, no pool left: burden 15,000 -> owed (15,000 - 11,000) x 60% = 2,400
        FundBreakdown a = stayAfterTheCap("10000", start);
        money("2400", a.catastrophicPaid());
        Accumulators afterA = start.plus(a.used());
        // stay B, 6,000: burden 21,000 -> owed 10,000 x 60% = 6,000, of which 2,400 already paid: 3,600
        FundBreakdown b = stayAfterTheCap("6000", afterA);
        money("3600", b.catastrophicPaid());
        // A cancelled: burden 11,000, paid 3,600 (B keeps what it was paid)
        Accumulators afterCancel = afterA.plus(b.used()).minus(a.used());
        money("11000", afterCancel.catastrophicBurden());
        money("3600", afterCancel.catastrophicPaid());
        // A settled again: burden 21,000 -> owed 6,000 - 3,600 paid = 2,400 (not 6,000 - 0 owed before = 6,000)
        FundBreakdown again = stayAfterTheCap("10000", afterCancel);
        money("2400", again.catastrophicPaid());
        money("6000", afterCancel.plus(again.used()).catastrophicPaid());   // = what the bands owe on 21,000
        assertTrue(again.trace().contains("catastrophic owed on the year 6,000.00 - already paid this year 3,600.00"
                + " = 2,400.00"), again.trace().toString());
    }

    static FundBreakdown chronic(String disease, String amount, Accumulators acc, ChronicUse use, boolean retired,
                                 BigDecimal reduction) {
        return SettlementCalculator.calculate(new SettlementInput(ReferencePolicy.employee(),
                MedicalType.CHRONIC_OUTPATIENT, 2, List.of(new BillLine("A001", d("1"), d(amount))), CATALOG, acc,
                retired, null, reduction, disease, use));
    }

    static ChronicUse use(String deductibleUsed, String fundPaid) {
        return new ChronicUse(d(deductibleUsed).setScale(2), d(fundPaid).setScale(2));
    }

    @Test
    void aChronicDiseaseConsumesItsOwnYearlyDeductibleThenPaysItsRatio() {
        // diabetes: deductible 200, 70%; first visit 500: 200 deductible, 300 x 70% = 210
        FundBreakdown first = chronic("DIABETES", "500", Accumulators.NONE, ChronicUse.NONE, false, null);
        money("200", first.deductibleApplied());
        money("210", first.poolFundPaid());
        assertEquals(use("200", "210"), first.chronicUsed());
        // the outpatient pooling quotas are untouched, and diabetes does not share the inpatient cap
        money("0", first.used().outpatientDeductibleUsed());
        money("0", first.used().outpatientFundPaid());
        money("0", first.used().inpatientFundPaid());
        // its in-scope burden enters the catastrophic base: 500 - 210 = 290
        money("290", first.used().catastrophicBurden());
        // second visit 100: the deductible is used up, 100 x 70% = 70
        FundBreakdown second = chronic("DIABETES", "100", Accumulators.NONE, use("200", "210"), false, null);
        money("0", second.deductibleApplied());
        money("70", second.poolFundPaid());
    }

    @Test
    void dialysisHasNoDeductibleAndPaysNinetyPercentCountedInTheInpatientCap() {
        // 5,000 x 90% = 4,500, counted in the inpatient yearly cap and in dialysis's own
        FundBreakdown b = chronic("DIALYSIS", "5000", Accumulators.NONE, ChronicUse.NONE, false, null);
        money("0", b.deductibleApplied());
        money("4500", b.poolFundPaid());
        money("4500", b.used().inpatientFundPaid());
        assertEquals(use("0.00", "4500.00"), b.chronicUsed());
        money("500", b.used().catastrophicBurden());
        assertEquals(0, b.used().admissions());
    }

    @Test
    void theDiseaseCapStopsItsPayment() {
        // diabetes 1,000 with 2,900 of its 3,000 paid: 1,000 x 70% = 700 due, 100 left
        FundBreakdown b = chronic("DIABETES", "1000", Accumulators.NONE, use("200", "2900"), false, null);
        money("100", b.poolFundPaid());
        money("900", b.used().catastrophicBurden());
    }

    @Test
    void aSharedCapIsLimitedByWhatIsLeftOfTheInpatientCap() {
        // dialysis 5,000: 4,500 due; 60,000 disease cap has room; the inpatient cap has 100,000 - 99,000 = 1,000 left
        FundBreakdown b = chronic("DIALYSIS", "5000", acc("99000", "0", "0", "0", "0", 1), ChronicUse.NONE, false,
                null);
        money("1000", b.poolFundPaid());
        money("1000", b.used().inpatientFundPaid());
        money("1000", b.chronicUsed().fundPaid());
        money("4000", b.used().catastrophicBurden());
        money("1000", b.poolCapLeft());           // the lesser rest: the inpatient cap's 1,000, not the disease's 60,000
    }

    @Test
    void retireesGetTheBonusOnChronicRatiosToo() {
        // dialysis 5,000 for a retiree: (90% + 5%) = 95% -> 4,750
        money("4750", chronic("DIALYSIS", "5000", Accumulators.NONE, ChronicUse.NONE, true, null).poolFundPaid());
    }

    @Test
    void anUnfiledRemoteClaimLowersTheChronicRatio() {
        // dialysis 5,000 claimed without a filing: (90% - 10%) = 80% -> 4,000
        money("4000", chronic("DIALYSIS", "5000", Accumulators.NONE, ChronicUse.NONE, false, d("0.10")).poolFundPaid());
    }

    @Test
    void chronicBurdenCountsTowardCatastrophicInsurance() {
        // dialysis 5,000 with the year's burden at 11,000: base 500 -> 11,500, (11,500 - 11,000) x 60% = 300
        FundBreakdown b = chronic("DIALYSIS", "5000", acc("0", "0", "0", "11000", "0", 0), ChronicUse.NONE, false,
                null);
        money("4500", b.poolFundPaid());
        money("300", b.catastrophicPaid());
        money("4800", b.fundPaidTotal());
    }

    @Test
    void outpatientPoolingConsumesTheYearlyDeductibleThenPaysTheLevelRatio() {
        FundBreakdown first = SettlementCalculator.calculate(input(MedicalType.GENERAL_OUTPATIENT, 1,
                List.of(new BillLine("A001", d("1"), d("500"))), Accumulators.NONE, false, null, null, "1.0"));
        money("500", first.deductibleApplied());  // 500 of the yearly 600
        money("0", first.poolFundPaid());
        money("500", first.used().outpatientDeductibleUsed());

        FundBreakdown second = SettlementCalculator.calculate(input(MedicalType.GENERAL_OUTPATIENT, 1,
                List.of(new BillLine("A001", d("1"), d("1000"))), acc("0", "500", "0", "0", "0", 0), false, null,
                null, "1.0"));
        money("100", second.deductibleApplied()); // the 100 left
        money("540", second.poolFundPaid());      // 900 x 60%
        money("0", second.catastrophicPaid());
        assertEquals(0, second.used().admissions());
    }

    @Test
    void outpatientRatiosDependOnLevelAndTheYearlyCap() {
        FundBreakdown level3 = SettlementCalculator.calculate(input(MedicalType.EMERGENCY, 3,
                List.of(new BillLine("A001", d("1"), d("1000"))), acc("0", "600", "0", "0", "0", 0), true, null,
                null, "1.0"));
        money("550", level3.poolFundPaid());      // 1,000 x (50% + 5% retiree)
        FundBreakdown capped = SettlementCalculator.calculate(input(MedicalType.GENERAL_OUTPATIENT, 2,
                List.of(new BillLine("A001", d("1"), d("1000"))), acc("0", "600", "1500", "0", "0", 0), false, null,
                null, "1.0"));
        money("300", capped.poolFundPaid());      // 550 due, 1,800 - 1,500 = 300 left
        money("300", capped.poolCapLeft());
        assertNull(capped.catastrophicCapLeft()); // outpatient pooling has no catastrophic part
    }

    @Test
    void excludedCausesAndIneligiblePersonsGetNothingFromTheFund() {
        FundBreakdown b = SettlementCalculator.calculate(input(MedicalType.INPATIENT, 3, HOSPITAL_STAY,
                Accumulators.NONE, false, "injury cause SELF_HARM is never paid by the fund (不予支付)", null, "1.0"));
        money("15000", b.eligibleAmount());
        money("0", b.deductibleApplied());
        money("0", b.fundPaidTotal());
        money("18500", b.personalBurden());
        assertEquals(Accumulators.NONE, b.used());
        assertTrue(b.trace().stream().anyMatch(t -> t.contains("SELF_HARM")));
    }

    @Test
    void pharmacyPurchasesAreNotPaidByThePooledFund() {
        FundBreakdown b = SettlementCalculator.calculate(input(MedicalType.PHARMACY, 1,
                List.of(new BillLine("B001", d("2"), d("30"))), Accumulators.NONE, false, null, null, "1.0"));
        money("48", b.eligibleAmount());          // 60 - 20% pre-self-pay
        money("0", b.fundPaidTotal());
        money("60", b.personalBurden());
    }

    @Test
    void expensiveDrugsAndSpecialTreatmentsPreSelfPayThirtyPercent() {
        FundBreakdown b = SettlementCalculator.calculate(input(MedicalType.GENERAL_OUTPATIENT, 1,
                List.of(new BillLine("EXP01", d("1"), d("1000")), new BillLine("SPEC01", d("1"), d("500"))),
                acc("0", "600", "0", "0", "0", 0), false, null, null, "1.0"));
        money("450", b.preSelfPayAmount());       // 300 + 150
        money("1050", b.eligibleAmount());
        money("630", b.poolFundPaid());           // 1,050 x 60%
    }

    @Test
    void anUnfiledRemoteClaimLowersEveryRatio() {
        FundBreakdown b = SettlementCalculator.calculate(input(MedicalType.GENERAL_OUTPATIENT, 1,
                List.of(new BillLine("A001", d("1"), d("1000"))), acc("0", "600", "0", "0", "0", 0), false, null,
                d("0.10"), "1.0"));
        money("500", b.poolFundPaid());           // 1,000 x (60% - 10%)
    }

    @Test
    void lineAmountsAreRoundedHalfUpToTheCent() {
        FundBreakdown b = SettlementCalculator.calculate(input(MedicalType.PHARMACY, 1,
                List.of(new BillLine("A001", d("3"), d("33.333")), new BillLine("A001", d("0.5"), d("10.01"))),
                Accumulators.NONE, false, null, null, "1.0"));
        money("105.01", b.totalAmount());         // 99.999 -> 100.00; 5.005 -> 5.01
    }
}
