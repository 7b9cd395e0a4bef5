package cn.medins.remotecare.coverage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import cn.medins.remotecare.support.People;
import cn.medins.testsupport.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CoverageTest {

    private static final LocalDate TODAY = TestData.TODAY;

    @Test
    void theSamePrefectureIsLocal() {
        long person = People.retiree(); // 410300 Luoyang
        People.coverage(person, "410311", TODAY).body("mode", equalTo("LOCAL")).body("covered", equalTo(true))
                .body("personalAccountEnabled", equalTo(true));
        People.coverage(person, "410200", TODAY).body("mode", equalTo("NOT_COVERED")).body("covered", equalTo(false))
                .body("reason", containsString("file"));
    }

    @Test
    void aProvinceFilingCoversTheProvinceAndACityFilingOnlyTheCity() {
        long person = People.retiree();
        int province = People.file(People.longTerm(person, "460000")).statusCode(201).extract().path("filingId");
        People.coverage(person, "460108", TODAY).body("mode", equalTo("FILED")).body("filingId", equalTo(province))
                .body("personalAccountEnabled", equalTo(true));
        People.coverage(person, "460200", TODAY).body("mode", equalTo("FILED"));
        People.coverage(person, "450100", TODAY).body("mode", equalTo("NOT_COVERED"));

        long other = People.retiree();
        People.file(People.temporary(other, "330100", TODAY, null)).statusCode(201);
        People.coverage(other, "330106", TODAY).body("mode", equalTo("FILED"))
                .body("personalAccountEnabled", equalTo(false));
        People.coverage(other, "330200", TODAY).body("mode", equalTo("NOT_COVERED"));
    }

    @Test
    void theFirstAndLastValidDaysOfATemporaryFiling() {
        long person = People.retiree();
        LocalDate start = TODAY.plusDays(5);
        LocalDate last = start.plusMonths(6).minusDays(1);
        People.file(People.temporary(person, "330100", start, null)).statusCode(201)
                .body("validUntil", equalTo(last.toString()));
        People.coverage(person, "330102", start.minusDays(1)).body("mode", equalTo("NOT_COVERED"));
        People.coverage(person, "330102", start).body("mode", equalTo("FILED"));
        People.coverage(person, "330102", last).body("mode", equalTo("FILED"));
        People.coverage(person, "330102", last.plusDays(1)).body("mode", equalTo("NOT_COVERED"));
    }

    @Test
    void anEmergencyFiledAfterwardsCoversTheTreatmentDate() {
        long person = People.retiree();
        LocalDate treated = TODAY.minusDays(3);
        People.coverage(person, "440304", treated).body("mode", equalTo("NOT_COVERED"));
        int id = People.file(People.emergency(person, "440300", treated)).statusCode(201).extract().path("filingId");
        People.coverage(person, "440304", treated).body("mode", equalTo("FILED")).body("filingId", equalTo(id));
        People.coverage(person, "440304", treated.plusDays(1)).body("mode", equalTo("NOT_COVERED"));
        // cancelling today does not take back care already given
        given().post("/filings/" + id + "/cancellation").then().statusCode(200);
        People.coverage(person, "440304", treated).body("mode", equalTo("FILED"));
    }

    @Test
    void aCancelledFilingCoversNothingFromTheDayItIsCancelled() {
        long person = People.retiree();
        int id = People.file(People.longTerm(person, "460000")).statusCode(201).extract().path("filingId");
        given().post("/filings/" + id + "/cancellation").then().statusCode(200);
        People.coverage(person, "460108", TODAY).body("mode", equalTo("NOT_COVERED"));
        People.file(People.longTerm(person, "460000")).statusCode(201); // no overlap with a cancelled filing
    }

    @Test
    void sichuanAndChongqingNeedNoFiling() {
        long chengdu = People.enroll("310", "IN_SERVICE", "510100");
        People.coverage(chengdu, "500101", TODAY).body("mode", equalTo("EXEMPT")).body("covered", equalTo(true))
                .body("filingId", nullValue());
        long chongqing = People.enroll("390", "RESIDENT", "500100");
        People.coverage(chongqing, "510104", TODAY).body("mode", equalTo("EXEMPT"));
        given().get("/exemptions/51/50").then().statusCode(200).body("insuranceTypes.size()", equalTo(2));
    }

    @Test
    void anExemptionMayHoldForOneInsuranceTypeOnly() {
        // a province that lets its resident-insured settle in another without filing
        given().contentType(ContentType.JSON).body(Map.of("insuranceTypes", List.of("390")))
                .put("/exemptions/43/44").then().statusCode(200).body("insuranceTypes[0]", equalTo("390"))
                .body("personalAccountEnabled", equalTo(false));
        long resident = People.enroll("390", "RESIDENT", "430100");
        long employee = People.enroll("310", "IN_SERVICE", "430100");
        People.coverage(resident, "440300", TODAY).body("mode", equalTo("EXEMPT"));
        People.coverage(employee, "440300", TODAY).body("mode", equalTo("NOT_COVERED"));
        given().delete("/exemptions/43/44").then().statusCode(204);
        People.coverage(resident, "440300", TODAY).body("mode", equalTo("NOT_COVERED"));
        given().get("/exemptions/43/44").then().statusCode(404).body("code", equalTo("EXEMPTION_NOT_FOUND"));
        given().delete("/exemptions/43/44").then().statusCode(404);
    }

    @Test
    void badQuestionsAreNamed() {
        given().contentType(ContentType.JSON).body(Map.of("insuranceTypes", List.of("320")))
                .put("/exemptions/43/44").then().statusCode(400)
                .body("violations[0].field", containsString("insuranceTypes"));
        given().contentType(ContentType.JSON).body(Map.of("insuranceTypes", List.of("310")))
                .put("/exemptions/430000/44").then().statusCode(400)
                .body("violations[0].field", equalTo("insuredProvince"));
        given().contentType(ContentType.JSON).body(Map.of("insuranceTypes", List.of("310")))
                .put("/exemptions/44/44").then().statusCode(400);
        given().queryParam("personId", 1).queryParam("region", "4403").get("/coverage").then().statusCode(400)
                .body("violations[0].field", equalTo("region"));
        given().queryParam("personId", 1).queryParam("region", "440300").queryParam("date", "2026-02-30")
                .get("/coverage").then().statusCode(400).body("violations[0].field", equalTo("date"));
        given().queryParam("region", "440300").get("/coverage").then().statusCode(400)
                .body("violations[0].field", equalTo("personId"));
        given().queryParam("personId", 999999999).queryParam("region", "440300").get("/coverage").then()
                .statusCode(404).body("code", equalTo("PERSON_NOT_FOUND"));
    }

    @Test
    void theOpenApiDocumentListsEveryEndpoint() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/filings'.post.responses.'409'.description", containsString("OVERLAPPING_FILING"))
                .body("paths.'/filings/{filingId}/cancellation'.post", notNullValue())
                .body("paths.'/coverage'.get", notNullValue())
                .body("paths.'/exemptions/{insuredProvince}/{destinationProvince}'.put", notNullValue())
                .body("paths.'/exemptions/{insuredProvince}/{destinationProvince}'.delete", notNullValue());
    }
}
