package cn.medins.reimbursement.settlement;

import static cn.medins.testsupport.TestData.yuan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.medins.reimbursement.support.HospitalCounter;
import cn.medins.testsupport.TestData;
import cn.medins.testsupport.TestKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 医疗救助 as the third payer through the API, with the real account-service deciding who holds which
 * identity: the reference resident figures at a level-3 hospital (an ordinary person pays 23,192.00 in
 * cash, a 低保 person 11,868.60, a 特困 person 10,000.00), 渝北's two stages, the accumulators and their
 * return on cancellation, the identity valid on the admission date, and the assistance fund's own book
 * in clearing, the fund report and 3201.
 */
@QuarkusTest
class MedicalAssistanceApiTest {

    /** A county of Chifeng's prefecture: the hospitals of 150402 are local care. */
    private static final String REGION = "150485";
    private static final String YUBEI = "150486";

    @Inject
    EntityManager em;

    private String hospital;

    @BeforeEach
    void referenceData() {
        HospitalCounter.setUpReferenceData();
        hospital = "MA-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        HospitalCounter.institution(hospital, "150402", 3, "HOSPITAL", true);
        HospitalCounter.institution("H2-150402", "150402", 2, "HOSPITAL", true);
        putReferenceResidentPolicy();
        putYubeiPolicy();
    }

    private static Map<String, Object> rule(String deductible, String ratio, String cap) {
        return Map.of("deductible", new BigDecimal(deductible), "ratio", new BigDecimal(ratio),
                "annualCap", new BigDecimal(cap));
    }

    private static final List<String> PRIORITY = List.of("EXTREME_POVERTY", "ORPHAN", "SUBSISTENCE",
            "RETURNED_TO_POVERTY", "NEAR_SUBSISTENCE", "ILLNESS_POVERTY", "OTHER");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> seededResidentPolicy() {
        return new HashMap<>(given().get("/policies/150400/390/2026").then().statusCode(200).extract().jsonPath()
                .getMap(""));
    }

    /** The seeded resident policy (level 3: 800, 60%) with catastrophic at 11,000 (60% / 70%) and assistance. */
    private static void putReferenceResidentPolicy() {
        Map<String, Object> policy = seededResidentPolicy();
        policy.put("catastrophic", Map.of("threshold", 11000, "annualCap", 400000, "bands",
                List.of(Map.of("upTo", 100000, "ratio", 0.6), new HashMap<>(Map.of("ratio", 0.7)))));
        policy.put("assistance", Map.of("priority", PRIORITY,
                "categories", Map.of("SUBSISTENCE", rule("0", "0.80", "100000"),
                        "EXTREME_POVERTY", rule("0", "1.00", "100000"),
                        "NEAR_SUBSISTENCE", rule("3000", "0.70", "100000")),
                "outpatientAnnualCap", 10000,
                "catastrophicTilt", Map.of("categories", List.of("EXTREME_POVERTY", "SUBSISTENCE", "RETURNED_TO_POVERTY"),
                        "thresholdFactor", 0.5, "ratioBonus", 0.05, "removeCap", true)));
        put(REGION, policy);
    }

    /** 渝北 2023, resident 一档 at level 2: deductible 300, 70%; 低保边缘 70% then 倾斜救助 over 3,000 at 60%. */
    @SuppressWarnings("unchecked")
    private static void putYubeiPolicy() {
        Map<String, Object> policy = seededResidentPolicy();
        Map<String, Object> inpatient = new HashMap<>((Map<String, Object>) policy.get("inpatient"));
        inpatient.put("deductibleByLevel", Map.of("1", 300, "2", 300, "3", 300));
        List<Map<String, Object>> seventy = List.of(new HashMap<>(Map.of("ratio", 0.7)));
        inpatient.put("bandsByLevel", Map.of("1", seventy, "2", seventy, "3", seventy));
        policy.put("inpatient", inpatient);
        policy.remove("catastrophic");
        policy.put("assistance", Map.of("priority", PRIORITY,
                "categories", Map.of("NEAR_SUBSISTENCE", rule("0", "0.70", "100000")),
                "tilted", Map.of("categories", List.of("NEAR_SUBSISTENCE"), "deductible", 3000, "ratio", 0.6,
                        "annualCap", 50000)));
        put(YUBEI, policy);
    }

    private static void put(String region, Map<String, Object> policy) {
        given().contentType(ContentType.JSON).body(policy).put("/policies/" + region + "/390/2026").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
    }

    /** A resident of {@code region} with 2026's premium paid, and the identity when given (from 2026-01-01). */
    private static long resident(String region, String category, String validFrom) {
        long id = HospitalCounter.enroll("390", "RESIDENT", region);
        HospitalCounter.accountService().header("Idempotency-Key", TestData.key())
                .body(Map.of("year", 2026, "amount", new BigDecimal("400"), "paidOn", "2025-12-20"))
                .post("/persons/" + id + "/contributions")
                .then().statusCode(201);
        if (category != null) {
            HospitalCounter.accountService().body(Map.of("category", category, "validFrom", validFrom,
                    "source", "CIVIL_AFFAIRS")).post("/persons/" + id + "/assistance-identities").then().statusCode(201);
        }
        return id;
    }

    /** 50,000 of which 10,000 self-funded (an implant), 1 to 10 March 2026. */
    private Map<String, Object> stay(long person, String institution, String inScope, String selfFunded) {
        Map<String, Object> bill = HospitalCounter.bill(person, institution, "ma-" + person + "-" + TestData.key(), "21",
                List.of(HospitalCounter.line("A001", "1", inScope), HospitalCounter.line("IMPLANT", "1", selfFunded)));
        bill.put("admissionDate", "2026-03-01");
        bill.put("dischargeDate", "2026-03-10");
        bill.put("useAccount", false);
        return bill;
    }

    @Test
    void theReferenceResidentFiguresForAnOrdinaryASubsistenceAndAnExtremePovertyPerson() {
        long ordinary = resident(REGION, null, null);
        long subsistence = resident(REGION, "SUBSISTENCE", "2026-01-01");
        long extreme = resident(REGION, "EXTREME_POVERTY", "2026-01-01");

        HospitalCounter.settle(stay(ordinary, hospital, "40000", "10000")).statusCode(201)
                .body("poolFundPaid", yuan("23520")).body("catastrophicPaid", yuan("3288"))
                .body("assistancePaid", yuan("0")).body("assistance", nullValue()).body("cashPaid", yuan("23192.00"));

        Map<String, Object> lowIncome = stay(subsistence, hospital, "40000", "10000");
        given().contentType(ContentType.JSON).body(lowIncome).post("/settlements/preview").then().statusCode(200)
                .body("cashPaid", yuan("11868.60"));
        int id = HospitalCounter.settle(lowIncome).statusCode(201)
                .body("poolFundPaid", yuan("23520")).body("catastrophicPaid", yuan("7137"))
                .body("fundPaidTotal", yuan("30657")).body("assistancePaid", yuan("7474.40"))
                .body("assistance.category", equalTo("SUBSISTENCE")).body("assistance.ordinaryPaid", yuan("7474.40"))
                .body("assistance.tiltedPaid", yuan("0")).body("personalBurden", yuan("11868.60"))
                .body("cashPaid", yuan("11868.60"))
                .body("trace", hasItem(containsString("catastrophic tilt (大病保险倾斜) for SUBSISTENCE")))
                .extract().path("settlementId");
        HospitalCounter.accumulators(subsistence, 2026).body("assistance.category", equalTo("SUBSISTENCE"))
                .body("assistance.paid", yuan("7474.40")).body("assistance.capRemaining", yuan("92525.60"))
                .body("catastrophicPaid", yuan("7137"));

        HospitalCounter.settle(stay(extreme, hospital, "40000", "10000")).statusCode(201)
                .body("assistancePaid", yuan("9343")).body("cashPaid", yuan("10000.00"));

        // cancellation gives everything back exactly; settled again, the same figures
        HospitalCounter.cancel(id).statusCode(200).body("status", equalTo("CANCELLED"));
        HospitalCounter.accumulators(subsistence, 2026).body("assistance.paid", yuan("0"))
                .body("assistance.deductibleUsed", yuan("0")).body("catastrophicPaid", yuan("0"));
        lowIncome.put("visitId", lowIncome.get("visitId") + "-again");
        HospitalCounter.settle(lowIncome).statusCode(201).body("assistancePaid", yuan("7474.40"))
                .body("cashPaid", yuan("11868.60"));
    }

    @Test
    void yubeiNearSubsistencePaysInTwoStages() {
        long person = resident(YUBEI, "NEAR_SUBSISTENCE", "2026-01-01");
        HospitalCounter.settle(stay(person, "H2-150402", "50000", "2000")).statusCode(201)
                .body("totalAmount", yuan("52000")).body("eligibleAmount", yuan("50000"))
                .body("poolFundPaid", yuan("34790")).body("assistance.ordinaryPaid", yuan("10647"))
                .body("assistance.tiltedPaid", yuan("937.80")).body("assistancePaid", yuan("11584.80"))
                .body("personalBurden", yuan("5625.20"));
        HospitalCounter.accumulators(person, 2026).body("assistance.paid", yuan("10647"))
                .body("assistance.tiltedPaid", yuan("937.80")).body("assistance.tiltedDeductibleUsed", yuan("3000"));
    }

    @Test
    void theIdentityValidOnTheAdmissionDateDecides() {
        long later = resident(REGION, "SUBSISTENCE", "2026-03-05");
        HospitalCounter.settle(stay(later, hospital, "40000", "10000")).statusCode(201)
                .body("assistancePaid", yuan("0")).body("catastrophicPaid", yuan("3288"))
                .body("cashPaid", yuan("23192.00"));
    }

    @Test
    void remoteDirectSettlementPaysNoAssistanceAndAClaimAtHomeDoes() {
        HospitalCounter.institution("MA-HAIKOU", "460106", 3, "HOSPITAL", true);
        long person = resident(REGION, "SUBSISTENCE", "2026-01-01");
        given().baseUri(cn.medins.reimbursement.support.AccountServiceProcess.remoteCareUrl())
                .contentType(ContentType.JSON).body(Map.of("personId", person, "destinationRegion", "460000",
                        "type", "LONG_TERM", "reason", "LONG_TERM_RESIDENCE", "startDate", TestData.TODAY.toString(),
                        "proof", Map.of("kind", "RESIDENCE_PERMIT", "number", "琼-0002"), "personalAccountEnabled", false))
                .post("/filings").then().statusCode(201);
        Map<String, Object> visit = HospitalCounter.bill(person, "MA-HAIKOU", "hk-" + person, "11",
                List.of(HospitalCounter.line("A001", "1", "1000")));
        visit.put("serviceDate", TestData.TODAY.toString());
        // resident outpatient at level 3: 1,000 x 30% = 300; the 700 left in scope is not assisted there
        HospitalCounter.settle(visit).statusCode(201).body("mode", equalTo("REMOTE_FILED"))
                .body("poolFundPaid", yuan("300")).body("assistancePaid", yuan("0"))
                .body("assistance.category", equalTo("SUBSISTENCE")).body("cashPaid", yuan("700"))
                .body("trace", hasItem(containsString("assistance is claimed at home")));

        // care where nothing is settled at the counter is claimed at home, and assisted: 700 x 80% = 560
        given().contentType(ContentType.JSON).body(Map.of("name", "未联网医院", "region", "460106", "level", 3,
                "kind", "HOSPITAL", "designated", true, "remoteNetworked", false)).put("/institutions/MA-HAIKOU-NN")
                .then().statusCode(200);
        Map<String, Object> claim = HospitalCounter.bill(person, "MA-HAIKOU-NN", "hk-claim-" + person, "11",
                List.of(HospitalCounter.line("A001", "1", "1000")));
        claim.put("serviceDate", TestData.TODAY.toString());
        claim.put("invoiceNumbers", List.of("MA-INV-" + person));
        int id = given().contentType(ContentType.JSON).header("Idempotency-Key", TestData.key()).body(claim)
                .post("/reimbursement-claims").then().statusCode(201).body("status", equalTo("SUBMITTED"))
                .body("assistancePaid", yuan("560")).body("personalBurden", yuan("140"))
                .extract().path("settlementId");
        given().header("Idempotency-Key", TestData.key()).post("/reimbursement-claims/" + id + "/approval").then()
                .statusCode(200).body("status", equalTo("COMPLETED"))
                .body("trace", hasItem(containsString("and medical assistance (医疗救助) 560.00 to the person")));
        HospitalCounter.accumulators(person, 2026).body("assistance.outpatientPaid", yuan("560"));
    }

    @Test
    void theFundReportShowsTheMonthsPremiumsWithSubsidiesApart() {
        String district = "150487";
        // account-service's data outlives a run of these tests alone: measure what this test adds
        Map<String, Object> before = premiums(district);
        for (Integer subsidy : new Integer[] {null, 300}) {
            long id = HospitalCounter.enroll("390", "RESIDENT", district);
            Map<String, Object> premium = new HashMap<>(Map.of("year", 2026, "amount", 400, "paidOn", "2025-12-20"));
            if (subsidy != null) {
                premium.put("subsidyAmount", subsidy);
                premium.put("subsidySource", "CIVIL_AFFAIRS");
            }
            HospitalCounter.accountService().header("Idempotency-Key", TestData.key()).body(premium)
                    .post("/persons/" + id + "/contributions").then().statusCode(201);
        }
        Map<String, Object> after = premiums(district);
        org.hamcrest.MatcherAssert.assertThat((List<?>) after.get("bySource"), hasItem(org.hamcrest.Matchers.hasEntry(
                "subsidySource", "CIVIL_AFFAIRS")));
        org.junit.jupiter.api.Assertions.assertEquals(2, (Integer) after.get("count") - (Integer) before.get("count"));
        for (String[] figure : new String[][] {{"premiumAmount", "800"}, {"subsidyAmount", "300"},
                {"paidByPersons", "500"}}) {
            org.junit.jupiter.api.Assertions.assertEquals(0, new BigDecimal(after.get(figure[0]).toString())
                    .subtract(new BigDecimal(before.get(figure[0]).toString())).compareTo(new BigDecimal(figure[1])),
                    figure[0]);
        }
    }

    /** The fund report's premiums of the district for December 2025 (no settlements that month). */
    private static Map<String, Object> premiums(String district) {
        return given().queryParam("region", district).queryParam("month", "2025-12").get("/reports/fund").then()
                .statusCode(200).body("total.count", equalTo(0)).body("premiumsNote", nullValue())
                .extract().jsonPath().getMap("premiums");
    }

    /** Moves the institution's completions into a past day, as if made then. */
    private void completedOn(String institution, String instant) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update {h-schema}settlement set"
                        + " completed_at = cast(?1 as timestamptz) where institution_code = ?2 and status = 'COMPLETED'")
                .setParameter(1, instant).setParameter(2, institution).executeUpdate());
    }

    @Test
    void theAssistanceFundIsItsOwnBookInReconciliationClearingAndTheFundReport() {
        long subsistence = resident(REGION, "SUBSISTENCE", "2026-01-01");
        long extreme = resident(REGION, "EXTREME_POVERTY", "2026-01-01");
        HospitalCounter.settle(stay(subsistence, hospital, "40000", "10000")).statusCode(201);
        HospitalCounter.settle(stay(extreme, hospital, "40000", "10000")).statusCode(201);

        // 3201: assistancePaid, when the institution sends it, is compared too
        Map<String, Object> day = new HashMap<>(Map.of("institutionCode", hospital, "date", TestData.TODAY.toString(),
                "count", 2, "totalAmount", new BigDecimal("100000"), "fundPaidTotal", new BigDecimal("61314"),
                "accountPaid", BigDecimal.ZERO, "cashPaid", new BigDecimal("21868.60"),
                "assistancePaid", new BigDecimal("16817.40")));
        given().header("Authorization", "Bearer " + TestKeys.institution(hospital)).contentType(ContentType.JSON)
                .body(day).post("/reconciliations").then().statusCode(200).body("result", equalTo("MATCHED"));
        day.put("assistancePaid", new BigDecimal("16800"));
        given().header("Authorization", "Bearer " + TestKeys.institution(hospital)).contentType(ContentType.JSON)
                .body(day).post("/reconciliations").then().statusCode(200)
                .body("differences.figure", equalTo(List.of("assistancePaid")));

        completedOn(hospital, "2026-11-15T04:00:00Z");
        given().contentType(ContentType.JSON).body(Map.of("month", "2026-11", "institutionCode", hospital))
                .post("/clearings").then().statusCode(201)
                .body("items[0].totalAmount", yuan("61314")).body("items[0].assistanceAmount", yuan("16817.40"))
                .body("items[0].lines[0].assistanceAmount", yuan("16817.40"));
        given().queryParam("region", REGION).queryParam("month", "2026-11").get("/reports/fund").then()
                .statusCode(200).body("total.count", equalTo(2)).body("total.assistancePaid", yuan("16817.40"))
                .body("total.poolFundPaid", yuan("47040")).body("total.cashPaid", yuan("21868.60"));
    }
}
