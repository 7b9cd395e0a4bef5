package cn.medins.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.account.support.Fixtures;
import cn.medins.testsupport.AccessMatrix;
import cn.medins.testsupport.OpenApiTraffic;
import cn.medins.testsupport.TestKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may do what on account-service, checked operation by operation from the OpenAPI document. */
@QuarkusTest
class SecurityTest {

    static final Set<String> AGENCY = AccessMatrix.AGENCY;
    static final Set<String> READERS = AccessMatrix.EVERY_ROLE;

    static final Map<String, Set<String>> MATRIX = Map.ofEntries(
            Map.entry("POST /persons", AGENCY),
            Map.entry("GET /persons", Set.of("agency", "institution", "service")),
            Map.entry("GET /persons/{personId}", READERS),
            Map.entry("GET /persons/{personId}/eligibility", READERS),
            Map.entry("POST /persons/{personId}/contributions", AGENCY),
            Map.entry("GET /persons/{personId}/contributions", Set.of("agency", "insured")),
            Map.entry("POST /persons/{personId}/transfers", AGENCY),
            Map.entry("POST /persons/{personId}/retirement", AGENCY),
            Map.entry("POST /retiree-allocations", AGENCY),
            Map.entry("PUT /interest-rates/{insuredRegion}/{year}", AGENCY),
            Map.entry("GET /interest-rates/{insuredRegion}/{year}", Set.of("agency", "service")),
            Map.entry("POST /interest-postings", AGENCY),
            Map.entry("POST /persons/{personId}/assistance-identities", AGENCY),
            Map.entry("GET /persons/{personId}/assistance-identities", Set.of("agency", "insured", "service")),
            Map.entry("DELETE /persons/{personId}/assistance-identities/{identityId}", AGENCY),
            Map.entry("POST /assistance-identities/imports", AGENCY),
            Map.entry("GET /assistance-identities/imports", AGENCY),
            Map.entry("GET /reports/premiums", Set.of("agency", "service")),
            Map.entry("GET /accounts/{personId}", Set.of("agency", "insured", "service")),
            Map.entry("GET /accounts/{personId}/entries", Set.of("agency", "insured")),
            Map.entry("POST /accounts/{personId}/payments", Set.of("agency", "service")),
            Map.entry("GET /accounts/{personId}/payments", Set.of("agency", "insured", "service")),
            Map.entry("GET /accounts/{personId}/payments/{paymentId}", Set.of("agency", "insured", "service")),
            Map.entry("POST /accounts/{personId}/payments/{paymentId}/refund", Set.of("agency", "service")),
            Map.entry("POST /accounts/{personId}/family-members", Set.of("agency", "insured")),
            Map.entry("GET /accounts/{personId}/family-members", Set.of("agency", "insured")),
            Map.entry("DELETE /accounts/{personId}/family-members/{memberPersonId}", Set.of("agency", "insured")),
            Map.entry("PUT /accounts/{personId}/status", AGENCY),
            Map.entry("POST /accounts/{personId}/closure", AGENCY),
            Map.entry("GET /audit", AGENCY));

    @TestHTTPResource("/")
    URL base;

    private String url() {
        return base.toString().replaceAll("/$", "");
    }

    @Test
    void everyOperationHasADecisionAndKeepsIt() throws Exception {
        AccessMatrix.assertKept(base, MATRIX);
    }

    @Test
    void anInsuredPersonSeesOnlyTheirOwnData() {
        long a = Fixtures.employeeWithBalance("10.00");
        long b = Fixtures.employeeWithBalance("20.00");
        String tokenA = "Bearer " + TestKeys.insured(a);
        given().header("Authorization", tokenA).get("/accounts/" + a).then().statusCode(200);
        for (String path : List.of("/persons/" + b, "/persons/" + b + "/eligibility", "/accounts/" + b,
                "/accounts/" + b + "/entries", "/accounts/" + b + "/payments", "/accounts/" + b + "/payments/1",
                "/accounts/" + b + "/family-members")) {
            given().header("Authorization", tokenA).get(path).then().statusCode(404)
                    .body("code", equalTo("PERSON_NOT_FOUND"));
        }
        given().header("Authorization", tokenA).contentType(ContentType.JSON)
                .body(Map.of("memberPersonId", a, "relation", "SPOUSE")).post("/accounts/" + b + "/family-members")
                .then().statusCode(404);
        given().header("Authorization", tokenA).delete("/accounts/" + b + "/family-members/" + a).then().statusCode(404);
        // the answer for someone else's data is the answer for nobody's
        given().header("Authorization", "Bearer " + TestKeys.insured(999999999)).get("/accounts/999999999")
                .then().statusCode(404).body("code", equalTo("PERSON_NOT_FOUND"));
    }

    @Test
    void fullIdNumbersOnlyForTheAgency() {
        long id = Fixtures.employee();
        String full = given().get("/persons/" + id).then().statusCode(200).extract().path("idNumber");
        assertEquals(18, full.length());
        given().header("Authorization", "Bearer " + TestKeys.insured(id)).get("/persons/" + id).then()
                .statusCode(200).body("idNumber", nullValue());
        given().header("Authorization", "Bearer " + TestKeys.institution("H1")).get("/persons/" + id).then()
                .statusCode(200).body("idNumber", nullValue());
    }

    @Test
    void badTokensAreRefusedWithAProblem() throws Exception {
        String[] tokens = {
            "not-a-jwt",
            TestKeys.token(TestKeys.claims("agency-staff", "agency").expiresAt(1_000_000L)),
            TestKeys.token(TestKeys.claims("agency-staff", "agency").issuer("https://someone-else")),
            TestKeys.signedByAnotherKey(TestKeys.claims("agency-staff", "agency")),
            tamper(TestKeys.insured(1))
        };
        for (String token : tokens) {
            var response = AccessMatrix.send(url() + "/persons/1", "GET", token);
            assertEquals(401, response.statusCode(), token);
            assertTrue(response.body().contains("\"code\":\"UNAUTHORIZED\""), response.body());
        }
        var none = AccessMatrix.send(url() + "/persons/1", "GET", null);
        assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(null));
        var forbidden = AccessMatrix.send(url() + "/persons/1/contributions", "POST", TestKeys.insured(1));
        assertEquals(403, forbidden.statusCode());
        assertTrue(forbidden.body().contains("\"code\":\"FORBIDDEN\""), forbidden.body());
    }

    /** Changes the payload (insured person 1 -> agency) but keeps the signature. */
    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"insured\"", "\"agency\"");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
    }

    @Test
    void everyWriteIsAudited() {
        long id = Fixtures.employee();
        Fixtures.contribute(id, "2024-03", "1", "0").statusCode(201);
        given().header(OpenApiTraffic.REFUSED_ON_PURPOSE, "a write by the wrong role, without a key or a body")
                .header("Authorization", "Bearer " + TestKeys.insured(id)).contentType(ContentType.JSON)
                .body("{}").post("/persons/" + id + "/contributions").then().statusCode(403);
        given().queryParam("subject", "agency-staff-1").get("/audit").then().statusCode(200)
                .body("items.path", hasItem("/persons/" + id + "/contributions"))
                .body("items.find { it.path == '/persons/" + id + "/contributions' }.outcome", equalTo("SUCCESS"));
        // a denied write is answered before the resource runs and audited a moment later
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                given().queryParam("subject", "person-" + id).get("/audit").then().statusCode(200)
                        .body("items[0].outcome", equalTo("DENIED")).body("items[0].role", equalTo("insured")));
        given().header("Authorization", "Bearer " + TestKeys.insured(id)).get("/audit").then().statusCode(403);
    }
}
