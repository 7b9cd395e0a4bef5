package cn.medins.account.contribution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import cn.medins.account.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 居民保费收入: a district's resident premiums of a month, with what subsidies (资助参保) and relatives'
 * accounts (家庭共济代缴) paid reported apart from what persons paid themselves.
 */
@QuarkusTest
class PremiumReportTest {

    private static final String DISTRICT = "360111";

    private static long resident() {
        return Fixtures.enroll("390", "RESIDENT", DISTRICT, LocalDate.of(2020, 1, 1));
    }

    private static void premium(long person, Map<String, Object> body) {
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key()).body(body)
                .post("/persons/" + person + "/contributions").then().statusCode(201);
    }

    @Test
    void subsidiesAndRelativesAccountsAreReportedApart() {
        premium(resident(), Map.of("year", 2026, "amount", 400));
        premium(resident(), Map.of("year", 2026, "amount", 400, "subsidyAmount", 300, "subsidySource", "CIVIL_AFFAIRS"));
        long spouse = resident();
        long holder = Fixtures.employeeWithBalance("500");
        given().contentType(ContentType.JSON).body(Map.of("memberPersonId", spouse, "relation", "SPOUSE"))
                .post("/accounts/" + holder + "/family-members").then().statusCode(201);
        given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body(Map.of("amount", new BigDecimal("400"), "purpose", "RESIDENT_PREMIUM", "reference",
                        "premium-" + Fixtures.key(), "beneficiaryPersonId", spouse, "premiumYear", 2026))
                .post("/accounts/" + holder + "/payments").then().statusCode(201);
        // last year's premium and another month's are not this month's
        premium(resident(), Map.of("year", 2026, "amount", 400, "paidOn", "2025-12-20"));

        given().queryParam("region", DISTRICT).queryParam("month", "2026-12").get("/reports/premiums").then()
                .statusCode(200).body("count", equalTo(3)).body("premiumAmount", Fixtures.yuan("1200"))
                .body("subsidyAmount", Fixtures.yuan("300")).body("paidByPersons", Fixtures.yuan("900"))
                .body("paidByFamilyAccounts", Fixtures.yuan("400")).body("bySource", hasSize(2))
                .body("bySource[0].subsidySource", nullValue()).body("bySource[0].count", equalTo(2))
                .body("bySource[1].subsidySource", equalTo("CIVIL_AFFAIRS"))
                .body("bySource[1].subsidyAmount", Fixtures.yuan("300"));
        given().queryParam("region", DISTRICT).queryParam("month", "2025-12").get("/reports/premiums").then()
                .statusCode(200).body("count", equalTo(1));
        given().queryParam("region", "36").queryParam("month", "2026-12").get("/reports/premiums").then()
                .statusCode(400).body("violations.field", hasItem("region"));
        given().queryParam("region", DISTRICT).queryParam("month", "2026-13").get("/reports/premiums").then()
                .statusCode(400).body("violations.field", hasItem("month"));
    }
}
