package cn.medins.account.person;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.medins.account.support.Fixtures;
import cn.medins.testsupport.NewYearInChina;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** At 17:30 UTC on 31 December the server's date is not China's: the business day is 1 January 2027. */
@QuarkusTest
@TestProfile(NewYearInChina.class)
class BusinessDayTest {

    @Test
    void theServerRunsInUtc() {
        assertEquals("UTC", TimeZone.getDefault().getID(), "the build runs the tests with -Duser.timezone=UTC");
    }

    @Test
    void anEnrollmentWithoutADateStartsOnChinasToday() {
        given().contentType(ContentType.JSON)
                .body(Map.of("idNumber", Fixtures.idNumber(), "name", "元旦", "insuranceType", "310",
                        "personType", "IN_SERVICE", "insuredRegion", "150400"))
                .post("/persons").then().statusCode(201).body("enrolledOn", equalTo("2027-01-01"));
    }

    @Test
    void eligibilityWithoutADateIsForChinasToday() {
        long person = Fixtures.resident();
        given().header("Idempotency-Key", Fixtures.key()).contentType(ContentType.JSON)
                .body("{\"year\":2027,\"amount\":380.00,\"paidOn\":\"2026-12-20\"}")
                .post("/persons/" + person + "/contributions").then().statusCode(201);
        // a premium paid before the year is in force from its first day: covered on 1 January, in China
        given().get("/persons/" + person + "/eligibility").then().statusCode(200)
                .body("date", equalTo(NewYearInChina.TODAY.toString())).body("eligible", equalTo(true));
    }
}
