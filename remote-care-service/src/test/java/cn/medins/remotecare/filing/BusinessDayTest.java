package cn.medins.remotecare.filing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.medins.remotecare.support.People;
import cn.medins.testsupport.NewYearInChina;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** At 17:30 UTC on 31 December (the JVM in UTC) a filing's "today" is China's: 1 January 2027. */
@QuarkusTest
@TestProfile(NewYearInChina.class)
class BusinessDayTest {

    @Test
    void aLongTermFilingStartsNoEarlierThanChinasTodayAndCoversFromIt() {
        long person = People.retiree();
        Map<String, Object> yesterday = People.longTerm(person, "460100");
        yesterday.put("startDate", "2026-12-31");
        given().contentType(ContentType.JSON).body(yesterday).post("/filings").then().statusCode(400)
                .body("violations[0].field", equalTo("startDate"));

        Map<String, Object> today = People.longTerm(person, "460100");
        today.put("startDate", NewYearInChina.TODAY.toString());
        given().contentType(ContentType.JSON).body(today).post("/filings").then().statusCode(201);
        // without a date, cover is asked for China's today, the filing's first day
        given().queryParam("personId", person).queryParam("region", "460100").get("/coverage").then()
                .statusCode(200).body("covered", equalTo(true));
    }
}
