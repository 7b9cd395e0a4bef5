package cn.medins.account.contribution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.medins.account.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** 在职转退休: from the effective date the person is RETIRED, allocated monthly, and contributes no more. */
@QuarkusTest
class RetirementTest {

    static ValidatableResponse retire(long personId, String effectiveOn) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"effectiveOn\":\"" + effectiveOn + "\"}").post("/persons/" + personId + "/retirement").then();
    }

    static ValidatableResponse eligibility(long personId, String date) {
        return given().queryParam("date", date).get("/persons/" + personId + "/eligibility").then().statusCode(200);
    }

    static ValidatableResponse allocate(String period) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"period\":\"" + period + "\"}").post("/retiree-allocations").then().statusCode(200);
    }

    @Test
    void fromTheEffectiveDateThePersonIsRetired() {
        long id = Fixtures.employee();
        for (int m = 1; m <= 6; m++) {
            Fixtures.contribute(id, String.format("2024-%02d", m), "100", "0").statusCode(201);
        }
        retire(id, "2024-05-01").statusCode(400).body("violations[0].field", equalTo("effectiveOn"))
                .body("violations[0].message", containsString("2024-05"));
        retire(id, "2024-07-01").statusCode(201).body("personType", equalTo("RETIRED"))
                .body("effectiveOn", equalTo("2024-07-01")).body("firstAllocation", equalTo("2024-07"));
        given().get("/persons/" + id).then().body("personType", equalTo("RETIRED"));
        // retiree ratios apply to care from the effective date; earlier care keeps the in-service terms
        eligibility(id, "2024-06-30").body("retired", equalTo(false)).body("personType", equalTo("IN_SERVICE"));
        eligibility(id, "2024-07-01").body("retired", equalTo(true)).body("eligible", equalTo(true));
        // no contribution for the effective month or later; an earlier month may still be paid late
        Fixtures.contribute(id, "2024-07", "100", "0").statusCode(422)
                .body("code", equalTo("RETIRED_NO_CONTRIBUTION")).body("detail", containsString("2024-06"));
        Fixtures.contribute(id, "2023-12", "100", "0").statusCode(201);
        assertEquals("700.00", Fixtures.balance(id));
        // the monthly allocation starts with the effective month
        allocate("2024-06");
        assertEquals("700.00", Fixtures.balance(id));
        allocate("2024-07");
        assertEquals("840.00", Fixtures.balance(id));
        retire(id, "2024-09-01").statusCode(422).body("code", equalTo("NOT_AN_ACTIVE_EMPLOYEE"));
    }

    @Test
    void aRetirementLaterThanTodayIsNotYetInForce() {
        long id = Fixtures.employee();
        retire(id, "2099-01-01").statusCode(201);
        given().get("/persons/" + id).then().body("personType", equalTo("IN_SERVICE"));
        eligibility(id, "2099-01-02").body("retired", equalTo(true));
    }

    @Test
    void onlyAnActiveEmployeeRetires() {
        retire(Fixtures.resident(), "2024-07-01").statusCode(422).body("code", equalTo("NOT_AN_ACTIVE_EMPLOYEE"));
        retire(Fixtures.retiree(), "2024-07-01").statusCode(422).body("code", equalTo("NOT_AN_ACTIVE_EMPLOYEE"));
        retire(999_999_999L, "2024-07-01").statusCode(404).body("code", equalTo("PERSON_NOT_FOUND"));
        retire(Fixtures.employee(), "2019-12-31").statusCode(400).body("violations[0].field", equalTo("effectiveOn"));
        given().contentType(ContentType.JSON).body("{\"effectiveOn\":\"2024-07-01\"}")
                .post("/persons/" + Fixtures.employee() + "/retirement").then().statusCode(400)
                .body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
    }
}
