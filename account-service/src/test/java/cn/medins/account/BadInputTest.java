package cn.medins.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.medins.account.support.Fixtures;
import cn.medins.testsupport.OpenApiTraffic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * Malformed input is refused at the edge, the same way in every service (common {@code StrictJson}
 * and {@code RequestLine}): a problem document, never a 500, a guess or an empty answer.
 */
@QuarkusTest
class BadInputTest {

    private static final String ENROLLMENT = "{\"idNumber\":\"%s\",\"name\":%s,\"insuranceType\":\"310\","
            + "\"personType\":\"IN_SERVICE\",\"insuredRegion\":%s,\"enrolledOn\":\"2024-01-15\"}";

    private static ValidatableResponse enroll(String name, String region) {
        return given().contentType(ContentType.JSON).body(String.format(ENROLLMENT, Fixtures.idNumber(), name, region))
                .post("/persons").then().contentType("application/problem+json");
    }

    @Test
    void aKeyGivenTwiceIsMalformedNotTheLastOneWins() {
        long id = Fixtures.employee();
        given().contentType(ContentType.JSON).header("Idempotency-Key", "dup-" + id)
                .body("{\"status\":\"ACTIVE\",\"status\":\"FROZEN\"}").put("/accounts/" + id + "/status")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON")).body("detail", containsString("status"));
        given().get("/accounts/" + id).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void aNumberWhereTextIsMeantIsRefusedNamingTheField() {
        enroll("123", "\"150400\"").statusCode(400).body("violations[0].field", equalTo("name"));
        enroll("\"李四\"", "150400").statusCode(400).body("violations[0].field", equalTo("insuredRegion"));
    }

    @Test
    void textWithANulCharacterIsRefusedNamingTheField() {
        enroll("\"李\\u0000四\"", "\"150400\"").statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("name"))
                .body("violations[0].message", containsString("NUL"));
    }

    @Test
    void aNumberForAYesOrNoAndAFractionForAnIdAreRefused() {
        long id = Fixtures.employeeWithBalance("10.00");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "bool-" + id)
                .body("{\"amount\":1.00,\"purpose\":\"PHARMACY\",\"reference\":\"r-" + id + "\",\"allowPartial\":-1}")
                .post("/accounts/" + id + "/payments").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("allowPartial"));
        given().contentType(ContentType.JSON).body("{\"memberPersonId\":26.9,\"relation\":\"SPOUSE\"}")
                .post("/accounts/" + id + "/family-members").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("memberPersonId"));
        given().get("/accounts/" + id).then().body("balance", Fixtures.yuan("10.00"));
    }

    @Test
    void aNulInThePathOrQueryIsA400Problem() {
        given().urlEncodingEnabled(false).get("/persons/%00").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("path"));
        given().urlEncodingEnabled(false).get("/persons?idNumber=1%0012").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("query parameter idNumber"));
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{}").post("/persons/%00/contributions")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anOverLongRequestLineIsA414ProblemAndALongPathIsAudited() {
        given().header(OpenApiTraffic.REFUSED_ON_PURPOSE, "a 9,000-digit id").get("/persons/" + "1".repeat(9000)).then().statusCode(414).contentType("application/problem+json")
                .body("code", equalTo("URI_TOO_LONG"));
        given().queryParam("idNumber", "x".repeat(9000)).get("/persons").then().statusCode(414)
                .contentType("application/problem+json");
        // 600 characters: routed (a 405 problem: no POST there), and its audit event is recorded cut, not a 500
        given().header(OpenApiTraffic.REFUSED_ON_PURPOSE, "a 600-digit id").contentType(ContentType.JSON).body("{}")
                .post("/persons/" + "9".repeat(600)).then()
                .statusCode(405).contentType("application/problem+json");
        given().queryParam("outcome", "REFUSED").get("/audit").then().statusCode(200)
                .body("items.find { it.path.startsWith('/persons/999') }.path.size()", equalTo(500));
    }
}
