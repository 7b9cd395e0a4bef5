package cn.medins.reimbursement.reference;

import static cn.medins.testsupport.TestData.yuan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.medins.reimbursement.support.HospitalCounter;
import cn.medins.testsupport.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The regional rules of issue 24 through the API, with the figures the bureaus publish: each test
 * writes its region's policy (a county of Chifeng's prefecture, so that the level-3 and level-2
 * hospitals of 150402 are local care) and settles, previews and cancels against it.
 */
@QuarkusTest
class RegionalRulesApiTest {

    private static final String LEVEL_2 = "H2-150402";

    @BeforeEach
    void referenceData() {
        HospitalCounter.setUpReferenceData();
        HospitalCounter.institution(LEVEL_2, "150402", 2, "HOSPITAL", true);
    }

    /** The seeded reference policy of Chifeng's employees, as a mutable JSON tree. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> referencePolicy() {
        return new HashMap<>(given().get("/policies/150400/310/2026").then().statusCode(200).extract()
                .jsonPath().getMap(""));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> part(Map<String, Object> policy, String key) {
        Map<String, Object> copy = new HashMap<>((Map<String, Object>) policy.get(key));
        policy.put(key, copy);
        return copy;
    }

    private static void put(String region, Map<String, Object> policy) {
        given().contentType(ContentType.JSON).body(policy).put("/policies/" + region + "/310/2026").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
    }

    /** An employee insured in {@code region}, covered all of 2026 (contributions January to October). */
    private static long employee(String region) {
        long id = HospitalCounter.enroll("310", "IN_SERVICE", region);
        for (int m = 1; m <= 10; m++) {
            HospitalCounter.accountService().header("Idempotency-Key", TestData.key())
                    .body(Map.of("period", String.format("2026-%02d", m), "individualAmount", BigDecimal.ZERO,
                            "employerAmount", new BigDecimal("300")))
                    .post("/persons/" + id + "/contributions").then().statusCode(201);
        }
        return id;
    }

    private static List<Map<String, Object>> bands(Object... upToAndRatio) {
        List<Map<String, Object>> bands = new ArrayList<>();
        for (int i = 0; i < upToAndRatio.length; i += 2) {
            Map<String, Object> band = new HashMap<>();
            band.put("upTo", upToAndRatio[i] == null ? null : new BigDecimal((String) upToAndRatio[i]));
            band.put("ratio", new BigDecimal((String) upToAndRatio[i + 1]));
            bands.add(band);
        }
        return bands;
    }

    @Test
    void aTableOnTheBillWithDeductiblesThatFallWithEachAdmission() {
        // 三级: deductible 400, 80% to 10,000, 85% to 30,000, 90% above, on the eligible amount; the
        // deductible is 100%, 70%, then 50% of the first
        Map<String, Object> policy = referencePolicy();
        Map<String, Object> inpatient = part(policy, "inpatient");
        List<Map<String, Object>> table = bands("10000", "0.80", "30000", "0.85", null, "0.90");
        inpatient.put("deductibleByLevel", Map.of("1", 200, "2", 300, "3", 400));
        inpatient.put("bandsByLevel", Map.of("1", table, "2", table, "3", table));
        inpatient.put("bandBasis", "ELIGIBLE_AMOUNT");
        inpatient.remove("repeatAdmissionDeductibleFactor");
        inpatient.put("repeatAdmissionDeductibleFactors", List.of(1.0, 0.7, 0.5));
        inpatient.put("annualCap", 60000);
        put("150481", policy);
        long person = employee("150481");

        // (10,000 - 400) x 80% = 7,680; (10,000 - 280) x 80% = 7,776; (10,000 - 200) x 80% = 7,840
        HospitalCounter.settle(HospitalCounter.bigStay(person, "rt-1-" + person, "10000", "2026-02-01")).statusCode(201)
                .body("deductibleApplied", yuan("400")).body("poolFundPaid", yuan("7680"));
        int second = HospitalCounter.settle(HospitalCounter.bigStay(person, "rt-2-" + person, "10000", "2026-04-01"))
                .statusCode(201).body("deductibleApplied", yuan("280")).body("poolFundPaid", yuan("7776"))
                .body("trace", hasItem(containsString("admission 2 this year: deductible 400.00 x 0.7 = 280.00")))
                .extract().path("settlementId");
        HospitalCounter.settle(HospitalCounter.bigStay(person, "rt-3-" + person, "10000", "2026-06-01")).statusCode(201)
                .body("deductibleApplied", yuan("200")).body("poolFundPaid", yuan("7840"));
        HospitalCounter.accumulators(person, 2026).body("admissions", equalTo(3))
                .body("inpatientFundPaid", yuan("23296")).body("inpatientCapRemaining", yuan("36704"));

        // cancelling the second gives back exactly what it took: one admission and 7,776
        HospitalCounter.cancel(second).statusCode(200);
        HospitalCounter.accumulators(person, 2026).body("admissions", equalTo(2)).body("inpatientFundPaid", yuan("15520"));
    }

    @Test
    void catastrophicBandsOnTheYearsBurden() {
        // 12,000-30,000 at 60%, 30,000-100,000 at 65%, above 100,000 at 75%: burden 150,000 -> 93,800
        Map<String, Object> policy = referencePolicy();
        part(policy, "inpatient").put("annualCap", 0); // the basic fund pays nothing: the burden is the bill
        policy.put("catastrophic", Map.of("threshold", 12000, "bandBasis", "BURDEN", "annualCap", 400000,
                "bands", bands("30000", "0.60", "100000", "0.65", null, "0.75")));
        put("150482", policy);
        long person = employee("150482");
        HospitalCounter.settle(HospitalCounter.bigStay(person, "cb-" + person, "150000", "2026-03-01")).statusCode(201)
                .body("poolFundPaid", yuan("0")).body("catastrophicPaid", yuan("93800"))
                .body("trace", hasItem(containsString("30,000.00 to 100,000.00: 70,000.00 x 65% = 45,500.00")));
        HospitalCounter.accumulators(person, 2026).body("catastrophicBurden", yuan("150000"))
                .body("catastrophicPaid", yuan("93800"));
    }

    @Test
    void retireesHaveTheirOwnOutpatientDeductibleAndRatio() {
        // level 2: 600 and 65% in service; 500 and 75% for retirees (no bonus on top)
        Map<String, Object> policy = referencePolicy();
        Map<String, Object> outpatient = part(policy, "outpatient");
        outpatient.put("ratioByLevel", Map.of("1", 0.70, "2", 0.65, "3", 0.60));
        outpatient.put("annualCap", 5000);
        policy.put("variants", List.of(Map.of("when", Map.of("personType", "RETIRED"),
                "set", Map.of("outpatient", Map.of("annualDeductible", 500, "ratioByLevel", Map.of("2", 0.75)),
                        "retireeBonus", 0))));
        put("150483", policy);

        long retiree = HospitalCounter.enroll("310", "RETIRED", "150483");
        // a retiree, 3,980 in scope: (3,980 - 500) x 75% = 2,610
        HospitalCounter.settle(HospitalCounter.outpatient(retiree, LEVEL_2, "rv-" + retiree, "3980")).statusCode(201)
                .body("deductibleApplied", yuan("500")).body("poolFundPaid", yuan("2610"))
                .body("trace", hasItem(containsString("variants[0] applied")));
        // in service, the same bill: (3,980 - 600) x 65% = 2,197, and no variant named
        long worker = employee("150483");
        HospitalCounter.settle(HospitalCounter.outpatient(worker, LEVEL_2, "rv-" + worker, "3980")).statusCode(201)
                .body("deductibleApplied", yuan("600")).body("poolFundPaid", yuan("2197"))
                .body("trace", not(hasItem(containsString("variants["))));
    }

    @Test
    void aChronicDeductiblePerMonthTakenOffAfterTheRatio() {
        // retirees 75% (70% + 5), 100 a person a month off what the fund pays: 200 -> 200 x 75% - 100 = 50
        Map<String, Object> policy = referencePolicy();
        policy.put("chronic", Map.of("HYPERTENSION", Map.of("name", "高血压", "deductible", 100, "ratio", 0.70,
                "annualCap", 3000, "sharesInpatientCap", false, "deductiblePeriod", "MONTH",
                "deductibleTiming", "AFTER_RATIO")));
        put("150484", policy);
        long retiree = HospitalCounter.enroll("310", "RETIRED", "150484");
        given().contentType(ContentType.JSON).body(Map.of("diseaseCode", "HYPERTENSION", "approvedOn", "2026-01-01"))
                .post("/persons/" + retiree + "/chronic-conditions").then().statusCode(201);

        int june = HospitalCounter.settle(visit(retiree, "jun-a", "2026-06-15")).statusCode(201)
                .body("poolFundPaid", yuan("50")).body("deductibleApplied", yuan("100"))
                .body("trace", hasItem(containsString("200.00 x 75% = 150.00 - monthly deductible left 100.00 = 50.00")))
                .extract().path("settlementId");
        // June's deductible is used: 150; July has its own: 50
        HospitalCounter.settle(visit(retiree, "jun-b", "2026-06-20")).statusCode(201).body("poolFundPaid", yuan("150"));
        HospitalCounter.settle(visit(retiree, "jul-a", "2026-07-01")).statusCode(201).body("poolFundPaid", yuan("50"));
        HospitalCounter.accumulators(retiree, 2026).body("chronic.HYPERTENSION.deductibleUsed", yuan("200"))
                .body("chronic.HYPERTENSION.fundPaid", yuan("250"));
        // cancelling the first June visit gives June its deductible back, once
        HospitalCounter.cancel(june).statusCode(200);
        HospitalCounter.settle(visit(retiree, "jun-c", "2026-06-25")).statusCode(201).body("poolFundPaid", yuan("50"));
        HospitalCounter.settle(visit(retiree, "jun-d", "2026-06-26")).statusCode(201).body("poolFundPaid", yuan("150"));
    }

    private static Map<String, Object> visit(long person, String visit, String date) {
        Map<String, Object> bill = HospitalCounter.bill(person, HospitalCounter.HOSPITAL, visit + "-" + person, "14",
                List.of(HospitalCounter.line("A001", "1", "200")));
        bill.put("serviceDate", date);
        bill.put("diseaseCode", "HYPERTENSION");
        return bill;
    }

    @Test
    void aVariantThatMakesAnInvalidDocumentIsRefusedNamingItsField() {
        Map<String, Object> policy = referencePolicy();
        policy.put("variants", List.of(
                Map.of("when", Map.of("personType", "RETIRED"), "set", Map.of("retireeBonus", 0)),
                Map.of("when", Map.of("minAge", 65), "set", Map.of("outpatient", Map.of("annualDeductible", -5)))));
        given().contentType(ContentType.JSON).body(policy).put("/policies/150485/310/2026").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItem("variants[1].set.outpatient.annualDeductible"));

        policy.put("variants", List.of(Map.of("when", Map.of(), "set",
                Map.of("outpatient", Map.of("annualDeductable", 500)))));
        given().contentType(ContentType.JSON).body(policy).put("/policies/150485/310/2026").then().statusCode(400)
                .body("violations.field", hasItem("variants[0].set.outpatient.annualDeductable"));

        // a variant that removes a whole section (null) is named, not a 500
        Map<String, Object> noOutpatient = new HashMap<>();
        noOutpatient.put("outpatient", null);
        policy.put("variants", List.of(Map.of("when", Map.of(), "set", noOutpatient)));
        given().contentType(ContentType.JSON).body(policy).put("/policies/150485/310/2026").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItem("variants[0].set.outpatient"));

        // each variant alone is valid, and so are all three in order; retirees over 65 would get 0 and 2
        // together: the single factor back beside the list, which settlement must never meet
        Map<String, Object> toList = new HashMap<>();
        toList.put("repeatAdmissionDeductibleFactor", null);
        toList.put("repeatAdmissionDeductibleFactors", List.of(1.0, 0.5));
        Map<String, Object> toSingle = new HashMap<>();
        toSingle.put("repeatAdmissionDeductibleFactor", 1.0);
        toSingle.put("repeatAdmissionDeductibleFactors", null);
        policy.put("variants", List.of(
                Map.of("when", Map.of("personType", "RETIRED"), "set", Map.of("inpatient", toList)),
                Map.of("when", Map.of("personType", "IN_SERVICE"), "set", Map.of("inpatient", toSingle)),
                Map.of("when", Map.of("minAge", 65), "set", Map.of("inpatient",
                        Map.of("repeatAdmissionDeductibleFactor", 0.5)))));
        given().contentType(ContentType.JSON).body(policy).put("/policies/150485/310/2026").then().statusCode(400)
                .body("violations.field", hasItem("variants[2].set.inpatient.repeatAdmissionDeductibleFactors"));

        Map<String, Object> inpatient = part(policy, "inpatient");
        policy.remove("variants");
        inpatient.put("repeatAdmissionDeductibleFactors", List.of(1.0, 0.5));
        given().contentType(ContentType.JSON).body(policy).put("/policies/150485/310/2026").then().statusCode(400)
                .body("violations.field", hasItem("inpatient.repeatAdmissionDeductibleFactors"));
    }

    @Test
    void billsAsHospitalsWriteThemWithDecimalQuantitiesAndPrices() {
        long person = HospitalCounter.employee("0");
        // 2.5 g x 0.0325 = 0.08125 -> 0.08; 12 tablets x 1.333333 = 15.999996 -> 16.00
        Map<String, Object> bill = HospitalCounter.bill(person, HospitalCounter.HOSPITAL, "dec-" + person, "11",
                List.of(HospitalCounter.line("A001", "2.5", "0.0325"), HospitalCounter.line("A001", "12", "1.333333")));
        bill.put("serviceDate", "2026-06-15");
        given().contentType(ContentType.JSON).body(bill).post("/settlements/preview").then().statusCode(200)
                .body("totalAmount", yuan("16.08"));
    }

    @Test
    void theTreatmentProvincesCatalogueDecidesEachLineAndTheInsuredRegionsPolicyTheRest() {
        // a class B drug with its own 10% nationally; Hainan (46) limits its price to 90 and takes 15%
        given().contentType(ContentType.JSON).body(Map.of("name", "乙类药 RB", "category", "B", "preSelfPayShare", 0.10))
                .put("/catalog/RB-1").then().statusCode(200)
                .body("preSelfPayShare", org.hamcrest.Matchers.comparesEqualTo(new BigDecimal("0.1")));
        given().contentType(ContentType.JSON).body(Map.of("priceLimit", 90, "preSelfPayShare", 0.15))
                .put("/catalog/RB-1/regions/46").then().statusCode(200).body("province", equalTo("46"))
                .body("category", org.hamcrest.Matchers.nullValue());
        given().queryParam("province", "46").get("/catalog/RB-1").then().statusCode(200)
                .body("category", equalTo("B")).body("priceLimit", yuan("90")).body("province", equalTo("46"));

        // local care in Chifeng (15): the national entry, the item's own 10% of 1,000
        long local = HospitalCounter.employee("0");
        Map<String, Object> bill = HospitalCounter.bill(local, HospitalCounter.HOSPITAL, "rb-" + local, "11",
                List.of(HospitalCounter.line("RB-1", "10", "100")));
        bill.put("serviceDate", "2026-06-15");
        given().contentType(ContentType.JSON).body(bill).post("/settlements/preview").then().statusCode(200)
                .body("overLimitAmount", yuan("0")).body("preSelfPayAmount", yuan("100"))
                .body("trace", hasItem(containsString("pre-self-pay 10% = 100.00 (the item's own share)")));

        // care in Haikou: Hainan's entry decides the line (over the limit 10 x 10 = 100; 15% of 900 = 135),
        // the insured region's policy the deductible and ratio: (765 - 600) x (50% + 5%) = 90.75
        HospitalCounter.institution("HK-RB-460105", "460105", 3, "HOSPITAL", true);
        String reference = given().get("/policies/150400/310/2026").then().statusCode(200).extract().asString();
        given().contentType(ContentType.JSON).body(reference).put("/policies/410300/310/" + TestData.TODAY.getYear())
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
        long retiree = HospitalCounter.enroll("310", "RETIRED", "410300");
        given().baseUri(cn.medins.reimbursement.support.AccountServiceProcess.remoteCareUrl()).contentType(ContentType.JSON)
                .body(Map.of("personId", retiree, "destinationRegion", "460000", "type", "LONG_TERM",
                        "reason", "RETIREE_RESETTLEMENT", "startDate", TestData.TODAY.toString(),
                        "proof", Map.of("kind", "RESIDENCE_PERMIT", "number", "琼-RB"), "personalAccountEnabled", false))
                .post("/filings").then().statusCode(201);
        Map<String, Object> remote = HospitalCounter.bill(retiree, "HK-RB-460105", "rb-hk-" + retiree, "11",
                List.of(HospitalCounter.line("RB-1", "10", "100")));
        remote.put("serviceDate", TestData.TODAY.toString());
        given().contentType(ContentType.JSON).body(remote).post("/settlements/preview").then().statusCode(200)
                .body("overLimitAmount", yuan("100")).body("preSelfPayAmount", yuan("135"))
                .body("eligibleAmount", yuan("765")).body("poolFundPaid", yuan("90.75"))
                .body("trace", hasItem(containsString("[province 46's catalogue (就医地目录)]")));

        // without its entry, Hainan applies the national one again
        given().delete("/catalog/RB-1/regions/46").then().statusCode(204);
        given().get("/catalog/RB-1/regions/46").then().statusCode(404).body("code", equalTo("CATALOG_REGION_ENTRY_NOT_FOUND"));
        given().contentType(ContentType.JSON).body(remote).post("/settlements/preview").then().statusCode(200)
                .body("overLimitAmount", yuan("0")).body("preSelfPayAmount", yuan("100"));
    }
}
