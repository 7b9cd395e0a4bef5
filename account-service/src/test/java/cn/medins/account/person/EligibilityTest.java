package cn.medins.account.person;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.medins.account.support.Fixtures;
import cn.medins.testsupport.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Contributions and what they mean for eligibility, through the API. */
@QuarkusTest
class EligibilityTest {

    private static io.restassured.response.ValidatableResponse eligibility(long personId, String date) {
        return given().queryParam("date", date).get("/persons/" + personId + "/eligibility").then().statusCode(200);
    }

    @Test
    void theIndividualContributionGoesEntirelyToTheAccountAndTheEmployerShareToThePool() {
        long id = Fixtures.employee();
        Fixtures.contribute(id, "2025-01", "123.45", "500.00").statusCode(201)
                .body("individualAmount", Fixtures.yuan("123.45"))
                .body("employerAmount", Fixtures.yuan("500.0"))
                .body("creditedToAccount", Fixtures.yuan("123.45"))   // reference employer share to account: 0%
                .body("balanceAfter", Fixtures.yuan("123.45"));
        given().get("/accounts/" + id + "/entries").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].type", equalTo("INDIVIDUAL_CONTRIBUTION"))
                .body("items[0].amount", Fixtures.yuan("123.45"));
    }

    @Test
    void aSecondContributionForTheSameMonthIsAConflict() {
        long id = Fixtures.employee();
        Fixtures.contribute(id, "2025-02", "100", "300").statusCode(201);
        Fixtures.contribute(id, "2025-02", "100", "300").statusCode(409).body("code", equalTo("DUPLICATE_CONTRIBUTION"));
        org.junit.jupiter.api.Assertions.assertEquals("100.00", Fixtures.balance(id));
    }

    @Test
    void employeeCoverageStartsTheMonthAfterPaymentAndStopsInArrears() {
        long id = Fixtures.employee();
        for (String month : new String[] {"2025-01", "2025-02", "2025-03"}) {
            Fixtures.contribute(id, month, "100", "300").statusCode(201);
        }
        eligibility(id, "2025-01-20").body("eligible", equalTo(false)).body("reason", equalTo("NO_CONTRIBUTION"));
        eligibility(id, "2025-02-01").body("eligible", equalTo(true)).body("reason", equalTo("COVERED"))
                .body("insuranceType", equalTo("310")).body("retired", equalTo(false))
                .body("insuredRegion", equalTo("150400")).body("status", equalTo("ACTIVE"));
        eligibility(id, "2025-04-30").body("eligible", equalTo(true));
        eligibility(id, "2025-05-01").body("eligible", equalTo(false)).body("reason", equalTo("ARREARS"))
                .body("status", equalTo("SUSPENDED"));
    }

    @Test
    void resumingAfterMoreThanThreeMonthsWaitsSixMonths() {
        long id = Fixtures.employee();
        Fixtures.contribute(id, "2024-01", "100", "300").statusCode(201);
        for (int m = 6; m <= 11; m++) { // Feb-May missed: 4 months
            Fixtures.contribute(id, String.format("2024-%02d", m), "100", "300").statusCode(201);
        }
        eligibility(id, "2024-11-15").body("eligible", equalTo(false)).body("reason", equalTo("WAITING_PERIOD"))
                .body("detail", containsString("2024-12"));
        eligibility(id, "2024-12-01").body("eligible", equalTo(true));
    }

    @Test
    void whileInArrearsTheAccountCanStillBeSpent() {
        long id = Fixtures.employeeWithBalance("50.00"); // paid 2024-01 only: in arrears today
        given().get("/persons/" + id + "/eligibility").then().body("eligible", equalTo(false));
        Fixtures.pay(id, "20.00", "arrears-visit", false).statusCode(201).body("balanceAfter", Fixtures.yuan("30.0"));
    }

    @Test
    void retireesAreCoveredAndDoNotContribute() {
        long id = Fixtures.retiree();
        eligibility(id, "2025-06-01").body("eligible", equalTo(true)).body("retired", equalTo(true))
                .body("personType", equalTo("RETIRED"));
        Fixtures.contribute(id, "2025-01", "100", "300").statusCode(422).body("code", equalTo("RETIRED_NO_CONTRIBUTION"));
    }

    @Test
    void residentPremiumTimingDecidesCoverage() {
        long onTime = Fixtures.resident();
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"year\":2025,\"amount\":400,\"paidOn\":\"2024-12-20\"}")
                .post("/persons/" + onTime + "/contributions").then().statusCode(201)
                .body("year", equalTo(2025)).body("amount", Fixtures.yuan("400.0")).body("creditedToAccount", Fixtures.yuan("0.0"))
                .body("balanceAfter", nullValue());
        eligibility(onTime, "2025-01-01").body("eligible", equalTo(true)).body("insuranceType", equalTo("390"));
        eligibility(onTime, "2026-01-01").body("eligible", equalTo(false)).body("reason", equalTo("NO_PREMIUM"));

        long late = Fixtures.resident();
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"year\":2025,\"amount\":400,\"paidOn\":\"2025-03-01\"}")
                .post("/persons/" + late + "/contributions").then().statusCode(201);
        eligibility(late, "2025-05-29").body("eligible", equalTo(false)).body("reason", equalTo("WAITING_PERIOD"));
        eligibility(late, "2025-05-30").body("eligible", equalTo(true));

        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"year\":2025,\"amount\":400}")
                .post("/persons/" + late + "/contributions").then().statusCode(409)
                .body("code", equalTo("DUPLICATE_CONTRIBUTION"));
    }

    @Test
    void contributionBodiesAreCheckedPerInsuranceType() {
        long employee = Fixtures.employee();
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"period\":\"2025-01\",\"individualAmount\":100}")
                .post("/persons/" + employee + "/contributions").then().statusCode(400)
                .body("violations[0].field", equalTo("employerAmount"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"year\":2025,\"amount\":400}")
                .post("/persons/" + employee + "/contributions").then().statusCode(400)
                .body("violations[0].field", equalTo("year"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"period\":\"2025-13\",\"individualAmount\":100,\"employerAmount\":1}")
                .post("/persons/" + employee + "/contributions").then().statusCode(400)
                .body("violations[0].field", equalTo("period"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"period\":\"2025-01\",\"individualAmount\":100.001,\"employerAmount\":-1}")
                .post("/persons/" + employee + "/contributions").then().statusCode(400)
                .body("violations.size()", equalTo(2));
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"period\":\"2025-01\",\"individualAmount\":100000001,\"employerAmount\":0}")
                .post("/persons/" + employee + "/contributions").then().statusCode(400)
                .body("violations[0].field", equalTo("individualAmount"));
        given().contentType(ContentType.JSON)
                .body("{\"period\":\"2025-01\",\"individualAmount\":100,\"employerAmount\":0}")
                .post("/persons/" + employee + "/contributions").then().statusCode(400)
                .body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"period\":\"2025-01\",\"individualAmount\":100,\"employerAmount\":0,\"paidOn\":\""
                        + TestData.TODAY.plusDays(2) + "\"}")
                .post("/persons/" + employee + "/contributions").then().statusCode(400)
                .body("violations[0].field", equalTo("paidOn"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{\"period\":\"2025-01\",\"individualAmount\":1,\"employerAmount\":0}")
                .post("/persons/999999999/contributions").then().statusCode(404).body("code", equalTo("PERSON_NOT_FOUND"));
    }

    @Test
    void eligibilityNamesABadDateAndAnUnknownPerson() {
        long id = Fixtures.employee();
        given().queryParam("date", "2025-02-30").get("/persons/" + id + "/eligibility").then().statusCode(400)
                .body("violations[0].field", equalTo("date"));
        given().get("/persons/999999999/eligibility").then().statusCode(404).body("code", equalTo("PERSON_NOT_FOUND"));
        eligibility(id, "2019-12-31").body("eligible", equalTo(false)).body("reason", equalTo("NOT_ENROLLED"));
    }

    @Test
    void retireeAccountsAreCreditedOncePerMonth() {
        long id = Fixtures.retiree();
        String body = "{\"period\":\"2031-01\"}"; // a month no other test allocates
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key()).body(body)
                .post("/retiree-allocations").then().statusCode(200)
                .body("amountEach", Fixtures.yuan("140.0")); // 3.5% of the configured average pension 4,000.00
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key()).body(body)
                .post("/retiree-allocations").then().statusCode(200).body("accountsCredited", equalTo(0));
        org.junit.jupiter.api.Assertions.assertEquals("140.00", Fixtures.balance(id));
        given().get("/accounts/" + id + "/entries").then().body("items[0].type", equalTo("RETIREE_ALLOCATION"));
    }
}
