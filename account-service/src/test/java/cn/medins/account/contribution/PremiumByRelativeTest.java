package cn.medins.account.contribution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.medins.account.support.Fixtures;
import cn.medins.testsupport.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 家庭共济代缴 (seed 004): an employee's personal account pays a bound resident relative's premium, and
 * the premium is recorded with the payment or not at all; its refund removes it. Tried as a family
 * would before this was built, the money left the account and the spouse stayed uncovered.
 */
@QuarkusTest
class PremiumByRelativeTest {

    private static ValidatableResponse bind(long holder, long member) {
        return given().contentType(ContentType.JSON).body(Map.of("memberPersonId", member, "relation", "SPOUSE"))
                .post("/accounts/" + holder + "/family-members").then();
    }

    private static ValidatableResponse premium(long holder, Long beneficiary, Integer year, String amount) {
        Map<String, Object> body = new HashMap<>(Map.of("amount", new BigDecimal(amount), "purpose", "RESIDENT_PREMIUM",
                "reference", "premium-" + Fixtures.key()));
        if (beneficiary != null) {
            body.put("beneficiaryPersonId", beneficiary);
        }
        if (year != null) {
            body.put("premiumYear", year);
        }
        return given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key()).body(body)
                .post("/accounts/" + holder + "/payments").then();
    }

    private static ValidatableResponse eligibility(long person) {
        return given().get("/persons/" + person + "/eligibility?date=2026-12-15").then().statusCode(200);
    }

    @Test
    void aRelativesAccountPaysTheResidentPremiumAndTheRelativeIsCovered() {
        long holder = Fixtures.employeeWithBalance("500");
        long spouse = Fixtures.resident();
        bind(holder, spouse).statusCode(201);
        eligibility(spouse).body("eligible", equalTo(false)).body("reason", equalTo("NO_PREMIUM"));

        int paymentId = premium(holder, spouse, 2026, "400").statusCode(201).body("paidAmount", Fixtures.yuan("400"))
                .extract().path("paymentId");
        assertEquals("100.00", Fixtures.balance(holder));
        eligibility(spouse).body("reason", org.hamcrest.Matchers.not(equalTo("NO_PREMIUM")));
        given().get("/persons/" + spouse + "/contributions?year=2026").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].year", equalTo(2026))
                .body("items[0].amount", Fixtures.yuan("400")).body("items[0].paidBy", equalTo("FAMILY_ACCOUNT"))
                .body("items[0].payerPersonId", equalTo((int) holder));
        // the person themself reads theirs; someone else reads nothing
        given().header("Authorization", "Bearer " + TestKeys.insured(spouse))
                .get("/persons/" + spouse + "/contributions").then().statusCode(200).body("items", hasSize(1));
        given().header("Authorization", "Bearer " + TestKeys.insured(holder))
                .get("/persons/" + spouse + "/contributions").then().statusCode(404);

        // the year is paid: a second premium is refused and nothing is debited
        premium(holder, spouse, 2026, "100").statusCode(409).body("code", equalTo("DUPLICATE_CONTRIBUTION"));
        assertEquals("100.00", Fixtures.balance(holder));

        // the refund gives the money back and takes the premium with it
        given().header("Idempotency-Key", Fixtures.key())
                .post("/accounts/" + holder + "/payments/" + paymentId + "/refund").then().statusCode(201);
        assertEquals("500.00", Fixtures.balance(holder));
        given().get("/persons/" + spouse + "/contributions").then().statusCode(200).body("items", hasSize(0));
        eligibility(spouse).body("reason", equalTo("NO_PREMIUM"));
    }

    @Test
    void aPremiumNeedsItsYearAResidentAndTheWholeAmount() {
        long holder = Fixtures.employeeWithBalance("300");
        long spouse = Fixtures.resident();
        long worker = Fixtures.employee();
        bind(holder, spouse).statusCode(201);
        bind(holder, worker).statusCode(201);

        premium(holder, spouse, null, "100").statusCode(400).body("violations.field", hasItem("premiumYear"));
        premium(holder, null, 2026, "100").statusCode(400).body("violations.field", hasItem("beneficiaryPersonId"));
        premium(holder, worker, 2026, "100").statusCode(422).body("code", equalTo("NOT_A_RESIDENT"));
        // a premium is paid in full or not at all, whatever allowPartial says
        premium(holder, spouse, 2026, "400").statusCode(422).body("code", equalTo("INSUFFICIENT_BALANCE"));
        assertEquals("300.00", Fixtures.balance(holder));
        given().get("/persons/" + spouse + "/contributions").then().statusCode(200).body("items", hasSize(0));
        given().get("/persons/" + spouse + "/contributions?year=twenty").then().statusCode(400)
                .body("violations.field", hasItem("year"));
    }

    private static ValidatableResponse residentPremium(long person, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key()).body(body)
                .post("/persons/" + person + "/contributions").then();
    }

    @Test
    void aSubsidyPaysPartOfAResidentsPremium() {
        // 资助参保: civil affairs pays 300 of a 400 premium; the history says so
        long resident = Fixtures.resident();
        residentPremium(resident, Map.of("year", 2026, "amount", 400, "subsidyAmount", 300,
                "subsidySource", "CIVIL_AFFAIRS")).statusCode(201).body("subsidyAmount", Fixtures.yuan("300"))
                .body("subsidySource", equalTo("CIVIL_AFFAIRS"));
        given().get("/persons/" + resident + "/contributions").then().statusCode(200)
                .body("items[0].amount", Fixtures.yuan("400")).body("items[0].subsidyAmount", Fixtures.yuan("300"))
                .body("items[0].subsidySource", equalTo("CIVIL_AFFAIRS")).body("items[0].paidBy", equalTo("SELF"));
        eligibility(resident).body("reason", org.hamcrest.Matchers.not(equalTo("NO_PREMIUM")));

        long other = Fixtures.resident();
        residentPremium(other, Map.of("year", 2026, "amount", 400, "subsidyAmount", 500, "subsidySource", "CIVIL_AFFAIRS"))
                .statusCode(400).body("violations.field", hasItem("subsidyAmount"));
        residentPremium(other, Map.of("year", 2026, "amount", 400, "subsidySource", "CIVIL_AFFAIRS"))
                .statusCode(400).body("violations.field", hasItem("subsidyAmount"));
        residentPremium(other, Map.of("year", 2026, "amount", 400, "subsidyAmount", 100))
                .statusCode(400).body("violations.field", hasItem("subsidySource"));
        long employee = Fixtures.employee();
        residentPremium(employee, Map.of("period", "2026-01", "individualAmount", 100, "employerAmount", 300,
                "subsidyAmount", 50, "subsidySource", "CIVIL_AFFAIRS"))
                .statusCode(400).body("violations.field", hasItem("subsidyAmount"));
        given().get("/persons/" + other + "/contributions").then().statusCode(200).body("items", hasSize(0));
    }
}
