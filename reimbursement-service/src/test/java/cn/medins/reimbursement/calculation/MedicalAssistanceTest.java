package cn.medins.reimbursement.calculation;

import static cn.medins.reimbursement.calculation.ReferencePolicy.d;
import static cn.medins.reimbursement.calculation.SettlementCalculatorTest.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.reimbursement.calculation.PolicyDocument.Band;
import cn.medins.reimbursement.calculation.SettlementInput.AssistanceInput;
import cn.medins.reimbursement.calculation.SettlementInput.BillLine;
import cn.medins.reimbursement.calculation.SettlementInput.CatalogEntry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 医疗救助, the third payer, in the pure calculation, with the figures bureaus publish: 渝北 2023 (a
 * resident 一档 at a level-2 hospital, 低保边缘, stage 1 and the tilted stage) and the reference resident
 * policy at level 3 with the catastrophic tilt for 低保 and 特困 (domain.md section 10).
 */
class MedicalAssistanceTest {

    static final Map<String, CatalogEntry> CATALOG = Map.of("A", new CatalogEntry(Category.A, null),
            "SELF", new CatalogEntry(Category.SELF_FUNDED, null));
    static final List<String> PRIORITY = List.of("EXTREME_POVERTY", "ORPHAN", "SUBSISTENCE", "RETURNED_TO_POVERTY",
            "NEAR_SUBSISTENCE", "ILLNESS_POVERTY", "OTHER");

    /** A resident policy: one band per level at {@code ratio}, the deductible at every level, no catastrophic cover unless given. */
    static PolicyDocument resident(String deductible, String ratio, PolicyDocument.Catastrophic catastrophic,
                                   PolicyDocument.Assistance assistance) {
        PolicyDocument reference = ReferencePolicy.employee();
        List<Band> bands = List.of(new Band(null, d(ratio)));
        return new PolicyDocument(new PolicyDocument.Inpatient(Map.of("1", d(deductible), "2", d(deductible), "3",
                d(deductible)), d("1"), Map.of("1", bands, "2", bands, "3", bands), d("70000")),
                new PolicyDocument.Outpatient(d("0"), d("1000"), Map.of("1", d("0.7"), "2", d("0.5"), "3", d("0.5"))),
                d("0"), d("1"), reference.preSelfPayShare(), catastrophic, reference.remote(), null, null, null,
                assistance);
    }

    /** 渝北 2023: 低保边缘 at 70% without deductible, then 倾斜救助 over 3,000 at 60%. */
    static PolicyDocument yubei() {
        return resident("300", "0.70", null, new PolicyDocument.Assistance(PRIORITY,
                Map.of("NEAR_SUBSISTENCE", new PolicyDocument.AssistanceRule(d("0"), d("0.70"), d("100000"))), null,
                new PolicyDocument.TiltedAssistance(List.of("NEAR_SUBSISTENCE"), d("3000"), d("0.60"), d("50000")),
                null));
    }

    /** The reference resident policy at level 3 (800, 60%, catastrophic 11,000 at 60% / 70%), 低保 80%, 特困 100%, tilted. */
    static PolicyDocument referenceResident() {
        PolicyDocument.Catastrophic catastrophic = new PolicyDocument.Catastrophic(d("11000"),
                List.of(new Band(d("100000"), d("0.60")), new Band(null, d("0.70"))), d("400000"));
        return resident("800", "0.60", catastrophic, new PolicyDocument.Assistance(PRIORITY, Map.of(
                "SUBSISTENCE", new PolicyDocument.AssistanceRule(d("0"), d("0.80"), d("100000")),
                "EXTREME_POVERTY", new PolicyDocument.AssistanceRule(d("0"), d("1.00"), d("100000")),
                "NEAR_SUBSISTENCE", new PolicyDocument.AssistanceRule(d("3000"), d("0.70"), d("100000"))),
                d("10000"), null, new PolicyDocument.CatastrophicTilt(List.of("EXTREME_POVERTY", "SUBSISTENCE",
                "RETURNED_TO_POVERTY"), d("0.5"), d("0.05"), true)));
    }

    static FundBreakdown settle(PolicyDocument policy, MedicalType type, int level, String inScope, String selfFunded,
                                Set<String> categories, AssistanceUse year, String withheld) {
        return SettlementCalculator.calculate(new SettlementInput(policy, type, level,
                List.of(new BillLine("A", d("1"), d(inScope)), new BillLine("SELF", d("1"), d(selfFunded))), CATALOG,
                Accumulators.NONE, false, null, null, null, ChronicUse.NONE,
                new AssistanceInput(categories, year, withheld)));
    }

    static FundBreakdown stay(PolicyDocument policy, int level, String inScope, String selfFunded, String... categories) {
        return settle(policy, MedicalType.INPATIENT, level, inScope, selfFunded, Set.of(categories), AssistanceUse.NONE,
                null);
    }

    private static void traced(FundBreakdown b, String text) {
        assertTrue(b.trace().stream().anyMatch(line -> line.contains(text)), () -> text + " not in " + b.trace());
    }

    @Test
    void yubeiNearSubsistenceStageOneAndTheTiltedStage() {
        FundBreakdown b = stay(yubei(), 2, "50000", "2000", "NEAR_SUBSISTENCE");
        money("52000", b.totalAmount());
        money("50000", b.eligibleAmount());
        money("34790", b.poolFundPaid());                        // (50,000 - 300) x 70%
        money("10647", b.assistance().ordinaryPaid());           // (50,000 - 34,790) x 70%
        money("937.80", b.assistance().tiltedPaid());            // (4,563 - 3,000) x 60%
        money("46374.80", b.fundPaidTotal().add(b.assistancePaid()));
        money("5625.20", b.personalBurden());
        money("34790", b.fundPaidTotal());                       // the insurance funds only
        assertEquals("NEAR_SUBSISTENCE", b.assistance().category());
        money("3000", b.assistance().used().tiltedDeductibleUsed());
        traced(b, "tilted stage (倾斜救助): 4,563.00 left in scope - yearly deductible left 3,000.00");
    }

    @Test
    void theReferenceResidentFiguresForAnOrdinaryASubsistenceAndAnExtremePovertyPerson() {
        FundBreakdown ordinary = stay(referenceResident(), 3, "40000", "10000");
        money("23520", ordinary.poolFundPaid());
        money("3288", ordinary.catastrophicPaid());
        money("23192.00", ordinary.personalBurden());
        assertNull(ordinary.assistance().category());
        money("0", ordinary.assistancePaid());

        FundBreakdown subsistence = stay(referenceResident(), 3, "40000", "10000", "SUBSISTENCE");
        money("7137", subsistence.catastrophicPaid());           // (16,480 - 5,500) x 65%
        money("7474.40", subsistence.assistancePaid());          // (16,480 - 7,137) x 80%
        money("11868.60", subsistence.personalBurden());
        traced(subsistence, "catastrophic tilt (大病保险倾斜) for SUBSISTENCE: threshold 11,000.00 x 0.5 = 5,500.00");

        FundBreakdown extreme = stay(referenceResident(), 3, "40000", "10000", "EXTREME_POVERTY", "NEAR_SUBSISTENCE");
        assertEquals("EXTREME_POVERTY", extreme.assistance().category());  // 就高不重复: the first of priority, once
        money("10000.00", extreme.personalBurden());              // the self-funded part only
        money("0", extreme.assistance().tiltedPaid());
    }

    @Test
    void nearSubsistenceGetsNoCatastrophicTiltAndItsDeductibleIsConsumedAcrossTheYear() {
        FundBreakdown first = stay(referenceResident(), 3, "40000", "10000", "NEAR_SUBSISTENCE");
        money("3288", first.catastrophicPaid());
        // (16,480 - 3,288) = 13,192 - 3,000 deductible = 10,192 x 70%
        money("3000", first.assistance().deductibleApplied());
        money("7134.40", first.assistancePaid());
        AssistanceUse afterFirst = first.assistance().used();
        FundBreakdown second = settle(referenceResident(), MedicalType.INPATIENT, 3, "1800", "0",
                Set.of("NEAR_SUBSISTENCE"), afterFirst, null);
        money("0", second.assistance().deductibleApplied());     // used up by the first stay
        money("840", second.assistancePaid());                   // (1,800 - 600 pooled) x 70%, no deductible left
    }

    @Test
    void theYearlyCapAndTheOutpatientCapLimitAssistance() {
        AssistanceUse nearlyCapped = new AssistanceUse(d("0"), d("99900"), d("0"), d("0"), d("0"));
        FundBreakdown capped = settle(referenceResident(), MedicalType.INPATIENT, 3, "40000", "10000",
                Set.of("SUBSISTENCE"), nearlyCapped, null);
        money("100", capped.assistancePaid());
        traced(capped, "limited by the yearly cap");

        AssistanceUse outpatientUsed = new AssistanceUse(d("0"), d("9950"), d("0"), d("0"), d("9950"));
        FundBreakdown outpatient = settle(referenceResident(), MedicalType.GENERAL_OUTPATIENT, 3, "500", "0",
                Set.of("SUBSISTENCE"), outpatientUsed, null);
        money("250", outpatient.poolFundPaid());                 // 500 x 50%
        money("50", outpatient.assistancePaid());                 // 250 x 80% = 200, 50 left of the outpatient 10,000
        money("50", outpatient.assistance().used().outpatientPaid());
        traced(outpatient, "outpatient yearly cap of assistance");
    }

    @Test
    void pharmacyRemoteDirectSettlementAndABlockedFundPayNoAssistanceAndSaySo() {
        FundBreakdown pharmacy = settle(referenceResident(), MedicalType.PHARMACY, 1, "300", "0", Set.of("SUBSISTENCE"),
                AssistanceUse.NONE, null);
        money("0", pharmacy.assistancePaid());
        traced(pharmacy, "pharmacy purchases (41) are not assisted");

        FundBreakdown remote = settle(referenceResident(), MedicalType.INPATIENT, 3, "40000", "10000",
                Set.of("SUBSISTENCE"), AssistanceUse.NONE, "remote direct settlement");
        money("0", remote.assistancePaid());
        money("7137", remote.catastrophicPaid());                // the tilt is catastrophic insurance's own
        traced(remote, "pays nothing: remote direct settlement");
        money(remote.totalAmount().subtract(remote.fundPaidTotal()).toPlainString(), remote.personalBurden());

        FundBreakdown blocked = SettlementCalculator.calculate(new SettlementInput(referenceResident(),
                MedicalType.INPATIENT, 3, List.of(new BillLine("A", d("1"), d("1000"))), CATALOG, Accumulators.NONE,
                false, "not eligible", null, null, ChronicUse.NONE,
                new AssistanceInput(Set.of("SUBSISTENCE"), AssistanceUse.NONE, null)));
        money("0", blocked.assistancePaid());
        money("1000", blocked.personalBurden());
    }

    @Test
    void aPolicyWithoutTheSectionOrAPersonWithoutARankedCategoryGetsNone() {
        FundBreakdown none = stay(resident("300", "0.70", null, null), 2, "50000", "2000", "SUBSISTENCE");
        assertNull(none.assistance().category());
        money("17210", none.personalBurden());
        FundBreakdown unranked = stay(yubei(), 2, "50000", "2000", "ILLNESS_POVERTY");
        // ranked but without a rule of its own and not tilted: nothing paid
        money("0", unranked.assistancePaid());
    }
}
