package cn.medins.reimbursement;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import cn.medins.reimbursement.support.HospitalCounter;
import cn.medins.reimbursement.support.NewYearProfile;
import cn.medins.reimbursement.support.WireMockAccountService;
import cn.medins.testsupport.NewYearInChina;
import cn.medins.testsupport.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At 17:30 UTC on 31 December 2026, with the JVM in UTC, the business day is 1 January 2027 in
 * China: care that day is not in the future, a claim's deadline counts from it, and December is over.
 */
@QuarkusTest
@TestProfile(NewYearProfile.class)
class BusinessDayTest {

    private static final long PERSON = 7_000_001;
    private static final String HAIKOU = "HK-460105";

    @BeforeEach
    void downstreams() {
        HospitalCounter.setUpReferenceData();
        HospitalCounter.institution(HAIKOU, "460105", 3, "HOSPITAL", true);
        String doc = given().get("/policies/150400/310/2026").then().statusCode(200).extract().asString();
        given().contentType(ContentType.JSON).body(doc).put("/policies/150400/310/2027").then()
                .statusCode(anyOf(equalTo(200), equalTo(201)));
        var server = WireMockAccountService.server;
        server.resetAll();
        WireMockAccountService.stubEligible(PERSON);
        server.stubFor(get(urlPathEqualTo("/coverage")).willReturn(okJson("{\"covered\":false,\"mode\":\"NOT_COVERED\","
                + "\"filingId\":null,\"personalAccountEnabled\":false,\"reason\":\"no filing\"}")));
    }

    @Test
    void careOnChinasTodayIsSettledNotRefusedAsFuture() {
        Map<String, Object> visit = HospitalCounter.outpatient(PERSON, HospitalCounter.HOSPITAL, "ny-" + TestData.key(),
                "1000");
        visit.put("serviceDate", NewYearInChina.TODAY.toString());
        HospitalCounter.settle(visit).statusCode(201).body("status", equalTo("COMPLETED"));
    }

    @Test
    void aClaimsDeadlineCountsFromChinasToday() {
        // 365 days after 31 December 2025 is 31 December 2026: yesterday in China, today on the server
        Map<String, Object> claim = HospitalCounter.outpatient(PERSON, HAIKOU, "late-" + TestData.key(), "1000");
        claim.put("serviceDate", "2025-12-31");
        claim.put("invoiceNumbers", List.of("NY-" + TestData.key()));
        given().contentType(ContentType.JSON).header("Idempotency-Key", TestData.key()).body(claim)
                .post("/reimbursement-claims").then().statusCode(422).body("code", equalTo("CLAIM_DEADLINE_PASSED"));
    }

    @Test
    void decemberIsOverAndJanuaryIsNot() {
        given().contentType(ContentType.JSON).body(Map.of("month", "2027-01")).post("/clearings").then()
                .statusCode(422).body("code", equalTo("MONTH_NOT_OVER"));
        given().contentType(ContentType.JSON).body(Map.of("month", "2026-12")).post("/clearings").then()
                .statusCode(201);
    }
}
