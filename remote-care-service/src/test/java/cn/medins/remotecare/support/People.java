package cn.medins.remotecare.support;

import static io.restassured.RestAssured.given;

import cn.medins.testsupport.TestData;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Insured people on the real account-service, and filings for them. */
public final class People {

    private People() {
    }

    public static long enroll(String insuranceType, String personType, String region) {
        return given().baseUri(AccountServiceProcess.url()).contentType(ContentType.JSON)
                .body(Map.of("idNumber", TestData.idNumber(), "name", "参保人", "insuranceType", insuranceType,
                        "personType", personType, "insuredRegion", region, "enrolledOn", "2020-01-01"))
                .post("/persons").then().statusCode(201).extract().jsonPath().getLong("personId");
    }

    /** A Luoyang retiree (employee insurance). */
    public static long retiree() {
        return enroll("310", "RETIRED", "410300");
    }

    public static Map<String, Object> longTerm(long personId, String destination) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", personId);
        body.put("destinationRegion", destination);
        body.put("type", "LONG_TERM");
        body.put("reason", "RETIREE_RESETTLEMENT");
        body.put("startDate", TestData.TODAY.toString());
        body.put("proof", Map.of("kind", "RESIDENCE_PERMIT", "number", "HN-2026-001"));
        body.put("personalAccountEnabled", true);
        return body;
    }

    public static Map<String, Object> temporary(long personId, String destination, LocalDate start, LocalDate end) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", personId);
        body.put("destinationRegion", destination);
        body.put("type", "TEMPORARY");
        body.put("reason", "BUSINESS_TRIP");
        body.put("startDate", start.toString());
        if (end != null) {
            body.put("endDate", end.toString());
        }
        body.put("personalAccountEnabled", false);
        return body;
    }

    public static Map<String, Object> emergency(long personId, String destination, LocalDate treatment) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", personId);
        body.put("destinationRegion", destination);
        body.put("type", "EMERGENCY");
        body.put("reason", "EMERGENCY");
        body.put("startDate", treatment.toString());
        body.put("treatmentDate", treatment.toString());
        body.put("personalAccountEnabled", false);
        return body;
    }

    public static ValidatableResponse file(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/filings").then();
    }

    public static ValidatableResponse coverage(long personId, String region, LocalDate date) {
        return given().queryParam("personId", personId).queryParam("region", region)
                .queryParam("date", date.toString()).get("/coverage").then().statusCode(200);
    }
}
