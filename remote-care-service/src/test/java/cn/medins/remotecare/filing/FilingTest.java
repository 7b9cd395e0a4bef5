package cn.medins.remotecare.filing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.medins.remotecare.support.AccountServiceProcess;
import cn.medins.remotecare.support.People;
import cn.medins.testsupport.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FilingTest {

    private static final LocalDate TODAY = TestData.TODAY;

    @Test
    void aLongTermFilingNeedsProofAndLastsUntilCancelled() {
        long person = People.retiree();
        Map<String, Object> body = People.longTerm(person, "460000"); // Hainan, the whole province
        body.remove("proof");
        People.file(body).statusCode(400).body("violations[0].field", equalTo("proof"));
        body = People.longTerm(person, "460000");
        body.put("endDate", TODAY.plusYears(1).toString());
        People.file(body).statusCode(400).body("violations[0].field", equalTo("endDate"));

        int id = People.file(People.longTerm(person, "460000")).statusCode(201)
                .body("status", equalTo("ACTIVE")).body("insuredRegion", equalTo("410300"))
                .body("validFrom", equalTo(TODAY.toString())).body("validUntil", nullValue())
                .body("proof.kind", equalTo("RESIDENCE_PERMIT")).body("personalAccountEnabled", equalTo(true))
                .extract().path("filingId");
        given().get("/filings/" + id).then().statusCode(200).body("destinationRegion", equalTo("460000"));
        given().queryParam("personId", person).get("/filings").then().body("items.size()", equalTo(1));

        given().post("/filings/" + id + "/cancellation").then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("cancelledOn", equalTo(TODAY.toString()));
        given().post("/filings/" + id + "/cancellation").then().statusCode(409).body("code", equalTo("ALREADY_CANCELLED"));
    }

    @Test
    void aTemporaryFilingLastsAtLeastSixMonths() {
        long person = People.retiree();
        People.file(People.temporary(person, "330100", TODAY, TODAY.plusMonths(6).minusDays(2))).statusCode(400)
                .body("violations[0].field", equalTo("endDate"))
                .body("detail", containsString(TODAY.plusMonths(6).minusDays(1).toString()));
        People.file(People.temporary(person, "330100", TODAY, null)).statusCode(201)
                .body("validUntil", equalTo(TODAY.plusMonths(6).minusDays(1).toString()));
    }

    @Test
    void aTemporaryFilingMayBeBackdatedForAStayUnderWay() {
        long person = People.retiree();
        // remote.backdate-days = 30: a stay that began 30 days ago is filed for today and settles at discharge
        People.file(People.temporary(person, "330100", TODAY.minusDays(31), null)).statusCode(400)
                .body("violations[0].field", equalTo("startDate"))
                .body("violations[0].message", containsString("30 days"));
        People.file(People.temporary(person, "330100", TODAY.minusDays(30), null)).statusCode(201)
                .body("validFrom", equalTo(TODAY.minusDays(30).toString()))
                .body("validUntil", equalTo(TODAY.minusDays(30).plusMonths(6).minusDays(1).toString()));
        People.coverage(person, "330102", TODAY.minusDays(30)).body("mode", equalTo("FILED"));
        People.coverage(person, "330102", TODAY.minusDays(31)).body("mode", equalTo("NOT_COVERED"));
        // a LONG_TERM filing starts today or later
        Map<String, Object> longTerm = People.longTerm(person, "460000");
        longTerm.put("startDate", TODAY.minusDays(1).toString());
        People.file(longTerm).statusCode(400).body("violations[0].field", equalTo("startDate"));
    }

    @Test
    void anEmergencyFilingMayComeAfterTheCare() {
        long person = People.retiree();
        LocalDate treated = TODAY.minusDays(20);
        People.file(People.emergency(person, "440300", treated)).statusCode(201)
                .body("validFrom", equalTo(treated.toString())).body("validUntil", equalTo(treated.toString()));
        Map<String, Object> noDate = People.emergency(person, "440100", treated);
        noDate.remove("treatmentDate");
        People.file(noDate).statusCode(400).body("violations[0].field", equalTo("treatmentDate"));
        People.file(People.emergency(person, "440100", TODAY.plusDays(1))).statusCode(400)
                .body("violations[0].field", equalTo("treatmentDate"));
    }

    @Test
    void overlappingFilingsOfOneDestinationAreAConflict() {
        long person = People.retiree();
        People.file(People.longTerm(person, "460000")).statusCode(201);
        // Haikou is inside Hainan: the long-term filing already covers it
        People.file(People.temporary(person, "460100", TODAY.plusDays(10), null)).statusCode(409)
                .body("code", equalTo("OVERLAPPING_FILING"));
        People.file(People.temporary(person, "330100", TODAY.plusDays(10), null)).statusCode(201);
    }

    @Test
    void theRulesOfWhoMayFileWhere() {
        long person = People.retiree();
        People.file(People.longTerm(person, "410300")).statusCode(422)
                .body("code", equalTo("DESTINATION_IS_INSURED_REGION"));
        People.file(People.longTerm(person, "410311")).statusCode(400)
                .body("violations[0].field", equalTo("destinationRegion"));
        People.file(People.longTerm(999999999L, "460000")).statusCode(422).body("code", equalTo("UNKNOWN_PERSON"));
        Map<String, Object> wrongReason = People.longTerm(person, "460000");
        wrongReason.put("reason", "TRAVEL");
        People.file(wrongReason).statusCode(400).body("violations[0].field", equalTo("reason"));
        Map<String, Object> badType = People.longTerm(person, "460000");
        badType.put("type", "FOREVER");
        People.file(badType).statusCode(400).body("violations[0].field", equalTo("type"));
        Map<String, Object> missing = People.longTerm(person, "460000");
        missing.remove("personalAccountEnabled");
        People.file(missing).statusCode(400).body("violations[0].field", equalTo("personalAccountEnabled"));

        long dead = People.enroll("310", "IN_SERVICE", "150400");
        given().baseUri(AccountServiceProcess.url()).contentType(ContentType.JSON)
                .header("Idempotency-Key", cn.medins.testsupport.TestData.key())
                .body(Map.of("reason", "DEATH", "payee", "继承人")).post("/accounts/" + dead + "/closure")
                .then().statusCode(200);
        People.file(People.longTerm(dead, "460000")).statusCode(422).body("code", equalTo("NOT_ACTIVELY_ENROLLED"));

        given().get("/filings/424242").then().statusCode(404).body("code", equalTo("FILING_NOT_FOUND"));
        given().get("/filings").then().statusCode(400).body("violations[0].field", equalTo("personId"));
    }
}
