package cn.medins.reimbursement.reference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** A policy with a misspelt field is refused naming it, instead of being stored with the cap ignored. */
@QuarkusTest
class StrictPolicyTest {

    @Test
    void aMisspeltFieldIsA400NamingItAndNothingIsStored() {
        String seeded = given().get("/policies/150400/310/2026").then().statusCode(200).extract().asString();
        String misspelt = seeded.replaceFirst("\"annualCap\"", "\"anualCap\"");
        given().contentType(ContentType.JSON).body(misspelt).put("/policies/150400/310/2031").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", endsWith("anualCap"));
        given().get("/policies/150400/310/2031").then().statusCode(404);
    }

    @Test
    void anUnknownFieldOfASettlementIsA400NamingIt() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "strict-1")
                .body("{\"personId\":1,\"institutionCode\":\"X\",\"visitId\":\"v\",\"medicalType\":\"11\","
                        + "\"serviceDate\":\"2026-06-01\",\"lines\":[],\"useAcount\":true}")
                .post("/settlements").then().statusCode(400).body("violations[0].field", equalTo("useAcount"));
    }
}
