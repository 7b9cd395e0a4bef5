package cn.medins.reimbursement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.medins.reimbursement.support.HospitalCounter;
import cn.medins.testsupport.AccessMatrix;
import cn.medins.testsupport.TestData;
import cn.medins.testsupport.TestKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may do what on reimbursement-service. */
@QuarkusTest
class SecurityTest {

    static final Set<String> AGENCY = AccessMatrix.AGENCY;
    static final Set<String> READERS = AccessMatrix.EVERY_ROLE;
    static final Set<String> COUNTER = Set.of("agency", "institution");

    static final Map<String, Set<String>> MATRIX = Map.ofEntries(
            Map.entry("PUT /policies/{insuredRegion}/{insuranceType}/{year}", AGENCY),
            Map.entry("GET /policies/{insuredRegion}/{insuranceType}/{year}", READERS),
            Map.entry("PUT /institutions/{code}", AGENCY),
            Map.entry("GET /institutions/{code}", READERS),
            Map.entry("PUT /catalog/{itemCode}", AGENCY),
            Map.entry("GET /catalog/{itemCode}", READERS),
            Map.entry("PUT /catalog/{itemCode}/regions/{province}", AGENCY),
            Map.entry("GET /catalog/{itemCode}/regions/{province}", READERS),
            Map.entry("DELETE /catalog/{itemCode}/regions/{province}", AGENCY),
            Map.entry("POST /settlements/preview", COUNTER),
            Map.entry("POST /settlements", COUNTER),
            Map.entry("GET /settlements", Set.of("agency", "insured")),
            Map.entry("GET /settlements/{settlementId}", Set.of("agency", "institution", "insured")),
            Map.entry("POST /settlements/{settlementId}/cancellation", COUNTER),
            Map.entry("GET /persons/{personId}/accumulators/{year}", Set.of("agency", "institution", "insured")),
            Map.entry("POST /reimbursement-claims", Set.of("agency", "insured")),
            Map.entry("POST /reimbursement-claims/{settlementId}/approval", Set.of("agency")),
            Map.entry("POST /reconciliations", COUNTER),
            Map.entry("POST /reconciliations/details", COUNTER),
            Map.entry("GET /reconciliations/agency-totals", COUNTER),
            Map.entry("GET /reconciliations/agency-settlements", COUNTER),
            Map.entry("POST /clearings", AGENCY),
            Map.entry("GET /clearings", COUNTER),
            Map.entry("GET /clearings/{statementId}", COUNTER),
            Map.entry("POST /clearings/{statementId}/confirmation", Set.of("institution")),
            Map.entry("POST /clearings/{statementId}/payment", AGENCY),
            Map.entry("GET /remote-clearings", AGENCY),
            Map.entry("GET /reports/fund", AGENCY),
            Map.entry("POST /reimbursement-claims/{settlementId}/rejection", Set.of("agency")),
            Map.entry("POST /persons/{personId}/chronic-conditions", Set.of("agency")),
            Map.entry("GET /persons/{personId}/chronic-conditions", Set.of("agency", "institution", "insured")),
            Map.entry("DELETE /persons/{personId}/chronic-conditions/{registrationId}", Set.of("agency")),
            Map.entry("POST /visits", COUNTER),
            Map.entry("GET /visits/{institutionCode}/{visitId}", Set.of("agency", "institution", "insured")),
            Map.entry("POST /visits/{institutionCode}/{visitId}/fee-lines", COUNTER),
            Map.entry("GET /visits/{institutionCode}/{visitId}/fee-lines", Set.of("agency", "institution", "insured")),
            Map.entry("POST /visits/{institutionCode}/{visitId}/fee-lines/revocation", COUNTER),
            Map.entry("POST /visits/{institutionCode}/{visitId}/discharge", COUNTER),
            Map.entry("POST /visits/{institutionCode}/{visitId}/settlement/preview", COUNTER),
            Map.entry("POST /visits/{institutionCode}/{visitId}/settlement", COUNTER),
            Map.entry("POST /visits/{institutionCode}/{visitId}/withdrawal", COUNTER),
            Map.entry("GET /audit", AGENCY));

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyOperationHasADecisionAndKeepsIt() throws Exception {
        AccessMatrix.assertKept(base, MATRIX);
    }

    @Test
    void countersActForTheirOwnInstitutionAndPeopleSeeTheirOwnSettlements() {
        HospitalCounter.setUpReferenceData();
        long a = HospitalCounter.employee("0");
        long b = HospitalCounter.employee("0");
        String hospital = "Bearer " + TestKeys.institution(HospitalCounter.HOSPITAL);
        String otherHospital = "Bearer " + TestKeys.institution(HospitalCounter.PRIMARY);

        int id = given().header("Authorization", hospital).header("Idempotency-Key", TestData.key())
                .contentType(ContentType.JSON).body(HospitalCounter.outpatient(b, HospitalCounter.HOSPITAL, "sec-" + b, "100"))
                .post("/settlements").then().statusCode(201).extract().path("settlementId");
        given().header("Authorization", otherHospital).header("Idempotency-Key", TestData.key())
                .contentType(ContentType.JSON).body(HospitalCounter.outpatient(b, HospitalCounter.HOSPITAL, "sec2-" + b, "100"))
                .post("/settlements").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().header("Authorization", otherHospital).header("Idempotency-Key", TestData.key())
                .post("/settlements/" + id + "/cancellation").then().statusCode(404);
        given().header("Authorization", otherHospital).get("/settlements/" + id).then().statusCode(404);

        String insuredA = "Bearer " + TestKeys.insured(a);
        given().header("Authorization", insuredA).get("/settlements/" + id).then().statusCode(404)
                .body("code", equalTo("SETTLEMENT_NOT_FOUND"));
        given().header("Authorization", insuredA).queryParam("personId", b).get("/settlements").then().statusCode(404);
        given().header("Authorization", insuredA).get("/persons/" + b + "/accumulators/2026").then().statusCode(404);
        java.util.Map<String, Object> claim = HospitalCounter.outpatient(b, HospitalCounter.REMOTE_HOSPITAL, "sec3-" + b, "100");
        claim.put("invoiceNumbers", List.of("I-1"));
        given().header("Authorization", insuredA).header("Idempotency-Key", TestData.key())
                .contentType(ContentType.JSON).body(claim).post("/reimbursement-claims").then().statusCode(404);
        given().header("Authorization", "Bearer " + TestKeys.insured(b)).get("/settlements/" + id).then()
                .statusCode(200);
        given().header("Authorization", hospital).header("Idempotency-Key", TestData.key())
                .post("/settlements/" + id + "/cancellation").then().statusCode(200);
    }

    @Test
    void anInstitutionActsOnItsOwnVisitsAndAPersonReadsTheirs() {
        HospitalCounter.setUpReferenceData();
        long a = HospitalCounter.employee("0");
        long b = HospitalCounter.employee("0");
        String hospital = "Bearer " + TestKeys.institution(HospitalCounter.HOSPITAL);
        String otherHospital = "Bearer " + TestKeys.institution(HospitalCounter.PRIMARY);
        String visit = "/visits/" + HospitalCounter.HOSPITAL + "/sec-v-" + b;
        given().header("Authorization", otherHospital).contentType(ContentType.JSON).body(Map.of("institutionCode",
                HospitalCounter.HOSPITAL, "visitId", "sec-v-" + b, "personId", b, "medicalType", "11",
                "serviceDate", "2026-06-15")).post("/visits").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().header("Authorization", hospital).contentType(ContentType.JSON).body(Map.of("institutionCode",
                HospitalCounter.HOSPITAL, "visitId", "sec-v-" + b, "personId", b, "medicalType", "11",
                "serviceDate", "2026-06-15")).post("/visits").then().statusCode(201);
        Map<String, Object> lines = Map.of("lines", List.of(Map.of("lineNo", "1", "itemCode", "A001", "quantity", 1,
                "unitPrice", 100, "feeDate", "2026-06-15")));
        given().header("Authorization", otherHospital).contentType(ContentType.JSON).body(lines)
                .post(visit + "/fee-lines").then().statusCode(403);
        given().header("Authorization", hospital).contentType(ContentType.JSON).body(lines)
                .post(visit + "/fee-lines").then().statusCode(200);
        given().header("Authorization", otherHospital).get(visit).then().statusCode(403);
        given().header("Authorization", otherHospital).header("Idempotency-Key", TestData.key())
                .contentType(ContentType.JSON).body(Map.of("useAccount", false)).post(visit + "/settlement")
                .then().statusCode(403);
        given().header("Authorization", "Bearer " + TestKeys.insured(a)).get(visit).then().statusCode(404)
                .body("code", equalTo("VISIT_NOT_FOUND"));
        given().header("Authorization", "Bearer " + TestKeys.insured(a)).get(visit + "/fee-lines").then().statusCode(404);
        given().header("Authorization", "Bearer " + TestKeys.insured(b)).get(visit).then().statusCode(200)
                .body("lineCount", equalTo(1));
        given().header("Authorization", "Bearer " + TestKeys.insured(b)).get(visit + "/fee-lines").then()
                .statusCode(200).body("items[0].lineNo", equalTo("1"));
        given().header("Authorization", hospital).header("Idempotency-Key", TestData.key())
                .contentType(ContentType.JSON).body(Map.of("useAccount", false)).post(visit + "/settlement")
                .then().statusCode(201);
    }
}
