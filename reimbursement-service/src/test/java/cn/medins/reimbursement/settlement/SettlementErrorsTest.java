package cn.medins.reimbursement.settlement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.medins.reimbursement.support.HospitalCounter;
import cn.medins.testsupport.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every refusal of the settlement API is a problem with a code, and nothing is settled. */
@QuarkusTest
class SettlementErrorsTest {

    @BeforeEach
    void referenceData() {
        HospitalCounter.setUpReferenceData();
    }

    @Test
    void institutionRules() {
        long person = HospitalCounter.employee("0");
        HospitalCounter.settle(HospitalCounter.outpatient(person, HospitalCounter.NOT_DESIGNATED, "nd", "100")).statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("INSTITUTION_NOT_DESIGNATED"));
        HospitalCounter.settle(HospitalCounter.outpatient(person, "NOPE", "nope", "100")).statusCode(422)
                .body("code", equalTo("UNKNOWN_INSTITUTION"));
        HospitalCounter.settle(HospitalCounter.outpatient(person, HospitalCounter.REMOTE_HOSPITAL, "remote", "100")).statusCode(422)
                .body("code", equalTo("REMOTE_FILING_REQUIRED"));
        given().queryParam("personId", person).get("/settlements").then().body("items.size()", equalTo(0));
    }

    @Test
    void personAndPolicyRules() {
        HospitalCounter.settle(HospitalCounter.outpatient(999999999L, HospitalCounter.HOSPITAL, "ghost", "100")).statusCode(422)
                .body("code", equalTo("UNKNOWN_PERSON"));
        long kunming = HospitalCounter.enroll("310", "IN_SERVICE", "530100"); // no policy is ever loaded for Kunming
        HospitalCounter.institution("H-530102", "530102", 2, "HOSPITAL", true);
        HospitalCounter.settle(HospitalCounter.outpatient(kunming, "H-530102", "nopolicy", "100")).statusCode(422)
                .body("code", equalTo("POLICY_NOT_FOUND")).body("detail", containsString("530100"));
    }

    @Test
    void badBodiesNameTheField() {
        long person = HospitalCounter.employee("0");
        Map<String, Object> bill = HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, "bad", "100");
        bill.remove("serviceDate");
        HospitalCounter.settle(bill).statusCode(400).body("violations[0].field", equalTo("serviceDate"));

        bill = HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, "bad", "100");
        bill.put("serviceDate", TestData.TODAY.plusDays(3).toString());
        HospitalCounter.settle(bill).statusCode(400).body("violations[0].field", equalTo("serviceDate"));

        bill = HospitalCounter.hospitalStay(person, "bad");
        bill.put("dischargeDate", "2026-02-01");
        HospitalCounter.settle(bill).statusCode(400).body("violations[0].field", equalTo("dischargeDate"));

        bill = HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, "bad", "100");
        bill.put("medicalType", "99");
        HospitalCounter.settle(bill).statusCode(400).body("violations[0].field", equalTo("medicalType"))
                .body("violations[0].message", containsString("21"));

        bill = HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, "bad", "100");
        bill.put("injuryCause", "BAD_LUCK");
        HospitalCounter.settle(bill).statusCode(400).body("violations[0].field", equalTo("injuryCause"));

        bill = HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, "bad", "100");
        bill.put("lines", List.of());
        HospitalCounter.settle(bill).statusCode(400).body("violations[0].field", equalTo("lines"));

        bill = HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, "bad", "100");
        bill.put("lines", List.of(Map.of("itemCode", "A001", "quantity", -1, "unitPrice", new java.math.BigDecimal("10.0000001"))));
        HospitalCounter.settle(bill).statusCode(400).body("violations.field", hasItem("lines[0].quantity"))
                .body("violations.field", hasItem("lines[0].unitPrice"));

        bill = HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, "bad", "100");
        bill.put("lines", List.of(Map.of("itemCode", "A001", "quantity", 100000, "unitPrice", 99999999)));
        HospitalCounter.settle(bill).statusCode(400).body("violations[0].field", equalTo("lines"));

        given().contentType(ContentType.JSON).body(HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, "nokey", "1"))
                .post("/settlements").then().statusCode(400).body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k").body("{\"personId\":")
                .post("/settlements").then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k2").body("{\"personId\":\"abc\"}")
                .post("/settlements").then().statusCode(400).body("violations[0].field", equalTo("personId"));
        given().queryParam("personId", person).get("/settlements").then().body("items.size()", equalTo(0));
    }

    @Test
    void unknownSettlementsAndLists() {
        given().get("/settlements/424242").then().statusCode(404).body("code", equalTo("SETTLEMENT_NOT_FOUND"));
        HospitalCounter.cancel(424242).statusCode(404).body("code", equalTo("SETTLEMENT_NOT_FOUND"));
        given().post("/settlements/1/cancellation").then().statusCode(400)
                .body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
        given().get("/settlements").then().statusCode(400).body("violations[0].field", equalTo("personId"));
        given().queryParam("personId", "x").get("/settlements").then().statusCode(400)
                .body("violations[0].field", equalTo("personId"));
        given().get("/persons/999999999/accumulators/2026").then().statusCode(404)
                .body("code", equalTo("PERSON_NOT_FOUND"));
    }

    @Test
    void aPharmacyPurchaseIsPaidByTheAccountOnly() {
        HospitalCounter.institution("PH-150402", "150402", 1, "PHARMACY", true);
        long person = HospitalCounter.employee("50.00");
        Map<String, Object> bill = HospitalCounter.bill(person, "PH-150402", "rx-" + person, "41",
                List.of(HospitalCounter.line("B001", "2", "30")));
        bill.put("serviceDate", "2026-05-05");
        bill.put("useAccount", true);
        HospitalCounter.settle(bill).statusCode(201).body("fundPaidTotal", cn.medins.testsupport.TestData.yuan("0"))
                .body("accountPaid", cn.medins.testsupport.TestData.yuan("50"))
                .body("cashPaid", cn.medins.testsupport.TestData.yuan("10"));
    }

    /** A retail pharmacy sells medicines (41) and nothing else; a hospital does not settle 41. */
    @Test
    void anInstitutionSettlesOnlyWhatItOffers() {
        HospitalCounter.institution("PH-150402", "150402", 1, "PHARMACY", true);
        long person = HospitalCounter.employee("50.00");
        Map<String, Object> stay = HospitalCounter.hospitalStay(person, "ph-stay-" + person);
        stay.put("institutionCode", "PH-150402");
        HospitalCounter.settle(stay).statusCode(422).body("code", equalTo("MEDICAL_TYPE_NOT_OFFERED"));
        Map<String, Object> purchase = HospitalCounter.bill(person, HospitalCounter.HOSPITAL, "h-rx-" + person, "41",
                List.of(HospitalCounter.line("B001", "2", "30")));
        purchase.put("serviceDate", "2026-05-05");
        HospitalCounter.settle(purchase).statusCode(422).body("code", equalTo("MEDICAL_TYPE_NOT_OFFERED"));
        given().queryParam("personId", person).get("/settlements").then().body("items.size()", equalTo(0));
    }
}
