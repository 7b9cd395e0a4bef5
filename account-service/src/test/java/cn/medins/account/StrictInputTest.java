package cn.medins.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.medins.account.support.Fixtures;
import cn.medins.testsupport.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * Strict input where leniency hurts: a date only as its ISO text, no field the request does not have,
 * and the token's own claims of their own types.
 */
@QuarkusTest
class StrictInputTest {

    private static String enrollment(String extra) {
        return "{\"idNumber\":\"" + Fixtures.idNumber() + "\",\"name\":\"王五\",\"insuranceType\":\"310\","
                + "\"personType\":\"IN_SERVICE\",\"insuredRegion\":\"150400\"" + extra + "}";
    }

    @Test
    void aDateGivenAsANumberOrAnArrayIsRefusedNamingTheField() {
        for (String date : new String[] {"-1", "20261201", "[2026,12,1]", "\"1/12/2026\""}) {
            given().contentType(ContentType.JSON).body(enrollment(",\"enrolledOn\":" + date)).post("/persons").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("enrolledOn"));
        }
    }

    @Test
    void aMonthGivenAsANumberIsRefusedNamingTheField() {
        long id = Fixtures.employee();
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"period\":202601,\"individualAmount\":1.00,\"employerAmount\":1.00}")
                .post("/persons/" + id + "/contributions").then().statusCode(400)
                .body("violations[0].field", equalTo("period"));
    }

    @Test
    void anEnumGivenAsItsNumberIsRefusedNamingTheField() {
        // Jackson would read 2 as the third constant (FLEXIBLE), 5 as ILLNESS_POVERTY
        given().contentType(ContentType.JSON).body(enrollment("").replace("\"IN_SERVICE\"", "2")).post("/persons")
                .then().statusCode(400).body("violations[0].field", equalTo("personType"));
        long id = Fixtures.resident();
        given().contentType(ContentType.JSON).body("{\"category\":5,\"validFrom\":\"2026-01-01\",\"source\":\"AGENCY\"}")
                .post("/persons/" + id + "/assistance-identities").then().statusCode(400)
                .body("violations[0].field", equalTo("category"));
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsRefusedNamingIt() {
        given().contentType(ContentType.JSON).body(enrollment(",\"enroledOn\":\"2026-01-01\"")).post("/persons").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("enroledOn"))
                .body("violations[0].message", containsString("not a field"));
    }

    @Test
    void aTokenWhosePersonIdIsTextIsRefused() {
        long id = Fixtures.employee();
        String textual = TestKeys.token(TestKeys.claims("person-" + id, "insured").claim("personId", String.valueOf(id)));
        given().header("Authorization", "Bearer " + textual).get("/accounts/" + id).then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
        given().header("Authorization", "Bearer " + TestKeys.insured(id)).get("/accounts/" + id).then().statusCode(200);
    }
}
