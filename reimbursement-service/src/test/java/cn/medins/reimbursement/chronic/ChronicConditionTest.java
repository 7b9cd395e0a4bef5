package cn.medins.reimbursement.chronic;

import static cn.medins.testsupport.TestData.yuan;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import cn.medins.reimbursement.support.HospitalCounter;
import cn.medins.testsupport.TestData;
import cn.medins.testsupport.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 门诊慢特病 through the public API: the agency registers a disease, a 14 visit names it and is paid by
 * the seeded reference parameters of the Chifeng employee policy (dialysis: no deductible, 90%,
 * 60,000 a year, shared with the inpatient cap; diabetes: 200 deductible, 70%, 3,000, not shared).
 */
@QuarkusTest
class ChronicConditionTest {

    @BeforeEach
    void referenceData() {
        HospitalCounter.setUpReferenceData();
    }

    static ValidatableResponse register(long person, String disease, String approvedOn, String validUntil) {
        Map<String, Object> body = new HashMap<>(Map.of("diseaseCode", disease, "approvedOn", approvedOn));
        if (validUntil != null) {
            body.put("validUntil", validUntil);
        }
        return given().contentType(ContentType.JSON).body(body).post("/persons/" + person + "/chronic-conditions")
                .then();
    }

    static Map<String, Object> chronicVisit(long person, String disease, String visit, String amount) {
        Map<String, Object> bill = HospitalCounter.bill(person, HospitalCounter.HOSPITAL, visit + "-" + person, "14",
                List.of(HospitalCounter.line("A001", "1", amount)));
        bill.put("serviceDate", "2026-06-15");
        if (disease != null) {
            bill.put("diseaseCode", disease);
        }
        return bill;
    }

    @Test
    void dialysisIsPaidByItsOwnParametersAndCountedInTheInpatientCap() {
        long person = HospitalCounter.employee("0");
        register(person, "DIALYSIS", "2026-01-01", null).statusCode(201).body("registrationId", notNullValue())
                .body("diseaseCode", equalTo("DIALYSIS")).body("validUntil", nullValue());
        // 5,000 eligible, no deductible, 90% = 4,500; the person bears 500, the catastrophic base
        int id = HospitalCounter.settle(chronicVisit(person, "DIALYSIS", "dl", "5000")).statusCode(201)
                .body("diseaseCode", equalTo("DIALYSIS"))
                .body("deductibleApplied", yuan("0")).body("poolFundPaid", yuan("4500"))
                .body("personalBurden", yuan("500"))
                .body("trace", hasItem(containsString("门诊慢特病"))).extract().path("settlementId");
        HospitalCounter.accumulators(person, 2026)
                .body("inpatientFundPaid", yuan("4500")).body("inpatientCapRemaining", yuan("95500"))
                .body("outpatientDeductibleUsed", yuan("0")).body("outpatientFundPaid", yuan("0"))
                .body("catastrophicBurden", yuan("500"))
                .body("chronic.DIALYSIS.deductibleUsed", yuan("0")).body("chronic.DIALYSIS.fundPaid", yuan("4500"))
                .body("chronic.DIALYSIS.capRemaining", yuan("55500"));
        HospitalCounter.cancel(id).statusCode(200);
        HospitalCounter.accumulators(person, 2026).body("inpatientFundPaid", yuan("0"))
                .body("chronic.DIALYSIS.fundPaid", yuan("0")).body("chronic.DIALYSIS.capRemaining", yuan("60000"));
    }

    @Test
    void dialysisSharesTheInpatientCapAndCountsTowardCatastrophicInsurance() {
        long person = HospitalCounter.employee("0");
        register(person, "DIALYSIS", "2026-01-01", null).statusCode(201);
        // a stay of 120,000 uses the whole inpatient cap (100,000); catastrophic base 20,000 -> 5,400
        Map<String, Object> stay = HospitalCounter.bigStay(person, "st-" + person, "120000", "2026-03-02");
        HospitalCounter.settle(stay).statusCode(201).body("poolFundPaid", yuan("100000")).body("catastrophicPaid", yuan("5400"));
        // dialysis 5,000: 4,500 due, but nothing is left of the shared inpatient cap: 0 from the pool;
        // base 5,000 -> 25,000: (25,000 - 11,000) x 60% = 8,400 owed - 5,400 paid = 3,000 catastrophic
        HospitalCounter.settle(chronicVisit(person, "DIALYSIS", "dl-cap", "5000")).statusCode(201)
                .body("poolFundPaid", yuan("0")).body("catastrophicPaid", yuan("3000"))
                .body("fundPaidTotal", yuan("3000")).body("personalBurden", yuan("2000"))
                .body("trace", hasItem(containsString("shared yearly cap")));
        HospitalCounter.accumulators(person, 2026).body("chronic.DIALYSIS.fundPaid", yuan("0"))
                .body("catastrophicBurden", yuan("25000")).body("catastrophicPaid", yuan("8400"));
    }

    @Test
    void aRetireeGetsTheBonusOnTheDiseaseRatio() {
        long person = HospitalCounter.enroll("310", "RETIRED", "150400");
        register(person, "DIALYSIS", "2026-01-01", null).statusCode(201);
        // 5,000 x (90% + 5% retiree bonus) = 4,750
        HospitalCounter.settle(chronicVisit(person, "DIALYSIS", "dl-ret", "5000")).statusCode(201)
                .body("poolFundPaid", yuan("4750"));
    }

    @Test
    void anUnfiledRemoteDialysisClaimIsPaidAtTheLoweredRatio() {
        long person = HospitalCounter.employee("0");
        register(person, "DIALYSIS", "2026-01-01", null).statusCode(201);
        Map<String, Object> claim = chronicVisit(person, "DIALYSIS", "dl-remote", "5000");
        claim.put("institutionCode", HospitalCounter.REMOTE_HOSPITAL);
        claim.put("invoiceNumbers", List.of("LY-" + person));
        // Luoyang, no filing: a claim, 5,000 x (90% - 10% unfiled reduction) = 4,000
        given().contentType(ContentType.JSON).header("Idempotency-Key", cn.medins.testsupport.TestData.key())
                .body(claim).post("/reimbursement-claims").then().statusCode(201)
                .body("mode", equalTo("REMOTE_UNFILED_CLAIM")).body("status", equalTo("SUBMITTED"))
                .body("poolFundPaid", yuan("4000"));
        HospitalCounter.accumulators(person, 2026).body("chronic.DIALYSIS.fundPaid", yuan("4000"));
    }

    @Test
    void diabetesConsumesItsDeductibleAcrossVisitsUpToItsOwnCap() {
        long person = HospitalCounter.employee("0");
        register(person, "DIABETES", "2026-01-01", "2026-12-31").statusCode(201);
        // 500: 200 deductible, 300 x 70% = 210
        HospitalCounter.settle(chronicVisit(person, "DIABETES", "db1", "500")).statusCode(201)
                .body("deductibleApplied", yuan("200")).body("poolFundPaid", yuan("210"));
        // 4,000: deductible used up, 4,000 x 70% = 2,800, of the 3,000 - 210 = 2,790 left
        HospitalCounter.settle(chronicVisit(person, "DIABETES", "db2", "4000")).statusCode(201)
                .body("deductibleApplied", yuan("0")).body("poolFundPaid", yuan("2790"));
        HospitalCounter.accumulators(person, 2026).body("inpatientFundPaid", yuan("0"))
                .body("chronic.DIABETES.deductibleUsed", yuan("200")).body("chronic.DIABETES.fundPaid", yuan("3000"))
                .body("chronic.DIABETES.capRemaining", yuan("0"))
                // not shared with the inpatient cap, never the outpatient pooling quotas
                .body("outpatientFundPaid", yuan("0"));
    }

    @Test
    void aChronicVisitNeedsARegisteredDiseaseThePolicyLists() {
        long person = HospitalCounter.employee("0");
        Map<String, Object> noCode = chronicVisit(person, null, "nc", "100");
        HospitalCounter.settle(noCode).statusCode(400).body("violations[0].field", equalTo("diseaseCode"));
        HospitalCounter.settle(chronicVisit(person, "DIALYSIS", "nr", "100")).statusCode(422)
                .body("code", equalTo("CHRONIC_CONDITION_NOT_REGISTERED"));
        register(person, "GOUT", "2026-01-01", null).statusCode(201);
        HospitalCounter.settle(chronicVisit(person, "GOUT", "gout", "100")).statusCode(422)
                .body("code", equalTo("CHRONIC_DISEASE_NOT_COVERED"));
        // a registration that starts after the visit does not cover it
        register(person, "DIABETES", "2026-07-01", null).statusCode(201);
        HospitalCounter.settle(chronicVisit(person, "DIABETES", "early", "100")).statusCode(422)
                .body("code", equalTo("CHRONIC_CONDITION_NOT_REGISTERED"));
    }

    @Test
    void registrationsAreCheckedListedAndEnded() {
        long person = HospitalCounter.employee("0");
        register(person, "dialysis", "2026-01-01", null).statusCode(400)
                .body("violations[0].field", equalTo("diseaseCode"));
        register(person, "DIALYSIS", "2026-05-01", "2026-04-30").statusCode(400)
                .body("violations[0].field", equalTo("validUntil"));
        register(999_999_999L, "DIALYSIS", "2026-01-01", null).statusCode(404).body("code", equalTo("PERSON_NOT_FOUND"));
        int id = register(person, "DIALYSIS", "2026-01-01", null).statusCode(201).extract().path("registrationId");
        register(person, "DIALYSIS", "2026-03-01", "2026-03-31").statusCode(409)
                .body("code", equalTo("CHRONIC_CONDITION_ALREADY_REGISTERED"));
        given().get("/persons/" + person + "/chronic-conditions").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].registrationId", equalTo(id));
        given().delete("/persons/" + person + "/chronic-conditions/" + id).then().statusCode(200)
                .body("endedOn", equalTo(TestData.TODAY.toString()));
        given().delete("/persons/" + (person + 1) + "/chronic-conditions/" + id).then().statusCode(404)
                .body("code", equalTo("CHRONIC_REGISTRATION_NOT_FOUND"));
        // care before today keeps the registration; care from today on does not
        HospitalCounter.settle(chronicVisit(person, "DIALYSIS", "before", "100")).statusCode(201);
        Map<String, Object> today = chronicVisit(person, "DIALYSIS", "today", "100");
        today.put("serviceDate", TestData.TODAY.toString());
        HospitalCounter.settle(today).statusCode(422).body("code", equalTo("CHRONIC_CONDITION_NOT_REGISTERED"));
    }

    @Test
    void onlyTheAgencyRegistersAndAnInsuredPersonSeesOnlyTheirOwn() {
        long person = HospitalCounter.employee("0");
        given().header("Authorization", "Bearer " + TestKeys.insured(person)).contentType(ContentType.JSON)
                .body(Map.of("diseaseCode", "DIALYSIS", "approvedOn", "2026-01-01"))
                .post("/persons/" + person + "/chronic-conditions").then().statusCode(403);
        given().header("Authorization", "Bearer " + TestKeys.insured(person))
                .get("/persons/" + person + "/chronic-conditions").then().statusCode(200);
        given().header("Authorization", "Bearer " + TestKeys.insured(person + 1))
                .get("/persons/" + person + "/chronic-conditions").then().statusCode(404);
    }
}
