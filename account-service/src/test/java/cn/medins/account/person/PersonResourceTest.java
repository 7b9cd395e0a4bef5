package cn.medins.account.person;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import cn.medins.account.support.Fixtures;
import cn.medins.testsupport.OpenApiTraffic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PersonResourceTest {

    private static Map<String, Object> enrollment(String idNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("idNumber", idNumber);
        body.put("name", "李四");
        body.put("insuranceType", "310");
        body.put("personType", "IN_SERVICE");
        body.put("insuredRegion", "150400");
        body.put("enrolledOn", "2024-01-15");
        return body;
    }

    @Test
    void enrollsAnEmployeeWithAMaskedIdNumberAndAnAccount() {
        String id = Fixtures.idNumber();
        long personId = given().contentType(ContentType.JSON).body(enrollment(id)).post("/persons")
                .then().statusCode(201)
                .header("Location", containsString("/persons/"))
                .body("name", equalTo("李四"))
                .body("idNumberMasked", equalTo(id.substring(0, 6) + "********" + id.substring(14)))
                .body("insuranceType", equalTo("310"))
                .body("personType", equalTo("IN_SERVICE"))
                .body("insuredRegion", equalTo("150400"))
                .body("enrolledOn", equalTo("2024-01-15"))
                .extract().jsonPath().getLong("personId");

        given().get("/persons/" + personId).then().statusCode(200).body("personId", equalTo((int) personId))
                .body("idNumberMasked", startsWith(id.substring(0, 6)));
        given().queryParam("idNumber", id).get("/persons").then().statusCode(200)
                .body("personId", equalTo((int) personId));
        given().get("/accounts/" + personId).then().statusCode(200).body("balance", Fixtures.yuan("0.0"))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void refusesDuplicateInsurance() {
        String id = Fixtures.idNumber();
        given().contentType(ContentType.JSON).body(enrollment(id)).post("/persons").then().statusCode(201);
        Map<String, Object> again = enrollment(id);
        again.put("insuranceType", "390");
        again.put("personType", "RESIDENT");
        again.put("insuredRegion", "360100");
        given().contentType(ContentType.JSON).body(again).post("/persons").then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("DUPLICATE_ENROLLMENT"))
                .body("detail", containsString("150400"));
    }

    @Test
    void reEnrollsAPersonWhoseEnrollmentEnded() {
        String id = Fixtures.idNumber();
        long personId = given().contentType(ContentType.JSON).body(enrollment(id)).post("/persons")
                .then().statusCode(201).extract().jsonPath().getLong("personId");
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body(Map.of("reason", "EMIGRATION", "payee", "本人")).post("/accounts/" + personId + "/closure")
                .then().statusCode(200);
        given().get("/persons/" + personId).then().body("status", equalTo("TERMINATED"));

        given().contentType(ContentType.JSON).body(enrollment(id)).post("/persons").then().statusCode(201)
                .body("personId", equalTo((int) personId)).body("status", equalTo("ACTIVE"));
    }

    @Test
    void refusesAWrongCheckCharacterNamingTheField() {
        String id = Fixtures.idNumber();
        char wrong = id.charAt(17) == '0' ? '1' : '0';
        given().contentType(ContentType.JSON).body(enrollment(id.substring(0, 17) + wrong)).post("/persons")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItem("idNumber"))
                .body("detail", containsString("check character"));
    }

    @Test
    void refusesAPersonTypeThatDoesNotFitTheInsuranceType() {
        Map<String, Object> body = enrollment(Fixtures.idNumber());
        body.put("personType", "RESIDENT");
        given().contentType(ContentType.JSON).body(body).post("/persons").then().statusCode(400)
                .body("violations[0].field", equalTo("personType"));
    }

    @Test
    void unknownEnumValuesAndWrongTypesNameTheField() {
        Map<String, Object> body = enrollment(Fixtures.idNumber());
        body.put("insuranceType", "320");
        given().contentType(ContentType.JSON).body(body).post("/persons").then().statusCode(400)
                .body("violations[0].field", equalTo("insuranceType"))
                .body("violations[0].message", containsString("310"));

        body = enrollment(Fixtures.idNumber());
        body.put("enrolledOn", "15/01/2024");
        given().contentType(ContentType.JSON).body(body).post("/persons").then().statusCode(400)
                .body("violations[0].field", equalTo("enrolledOn"));

        body = enrollment(Fixtures.idNumber());
        body.put("name", Map.of("first", "x"));
        given().contentType(ContentType.JSON).body(body).post("/persons").then().statusCode(400)
                .body("violations[0].field", equalTo("name"));
    }

    @Test
    void missingFieldsAreAllNamed() {
        given().contentType(ContentType.JSON).body("{}").post("/persons").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItem("idNumber"))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("insuranceType"))
                .body("violations.field", hasItem("personType"))
                .body("violations.field", hasItem("insuredRegion"));
    }

    @Test
    void aBadRegionCodeIsNamed() {
        Map<String, Object> body = enrollment(Fixtures.idNumber());
        body.put("insuredRegion", "15040");
        given().contentType(ContentType.JSON).body(body).post("/persons").then().statusCode(400)
                .body("violations[0].field", equalTo("insuredRegion"));
    }

    @Test
    void malformedJsonAndEmptyBodiesAreProblems() {
        given().contentType(ContentType.JSON).body("{\"idNumber\":").post("/persons").then().statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
        given().contentType(ContentType.JSON).body("[1,2]").post("/persons").then().statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
        given().contentType(ContentType.JSON).post("/persons").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        given().header(OpenApiTraffic.REFUSED_ON_PURPOSE, "text, not JSON").contentType(ContentType.TEXT).body("hello")
                .post("/persons").then().statusCode(415)
                .contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void unknownPersonsAndPathsAre404Problems() {
        given().get("/persons/999999999").then().statusCode(404).body("code", equalTo("PERSON_NOT_FOUND"));
        given().header(OpenApiTraffic.REFUSED_ON_PURPOSE, "not an id").get("/persons/not-a-number").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
        given().queryParam("idNumber", Fixtures.idNumber()).get("/persons").then().statusCode(404)
                .body("code", equalTo("PERSON_NOT_FOUND"));
        given().queryParam("idNumber", "12345").get("/persons").then().statusCode(400)
                .body("violations[0].field", equalTo("idNumber"));
        given().get("/persons").then().statusCode(400).body("violations[0].field", equalTo("idNumber"));
    }

    @Test
    void enrollmentHonoursAnIdempotencyKey() {
        String key = Fixtures.key();
        Map<String, Object> body = enrollment(Fixtures.idNumber());
        int first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/persons")
                .then().statusCode(201).extract().path("personId");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/persons")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("personId", equalTo(first));
    }
}
