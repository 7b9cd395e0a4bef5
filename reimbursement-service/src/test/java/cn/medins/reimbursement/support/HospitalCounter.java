package cn.medins.reimbursement.support;

import static io.restassured.RestAssured.given;

import cn.medins.testsupport.TestData;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a hospital counter and the agency do, through the public APIs of both services. */
public final class HospitalCounter {

    /** Level-3 hospital in Chifeng's prefecture (1504xx), designated and networked. */
    public static final String HOSPITAL = "H3-150402";
    public static final String PRIMARY = "P-150402";
    public static final String NOT_DESIGNATED = "ND-150402";
    public static final String REMOTE_HOSPITAL = "H3-410302";

    private HospitalCounter() {
    }

    public static RequestSpecification accountService() {
        return given().baseUri(AccountServiceProcess.url()).contentType(ContentType.JSON);
    }

    public static void setUpReferenceData() {
        institution(HOSPITAL, "150402", 3, "HOSPITAL", true);
        institution(PRIMARY, "150402", 2, "PRIMARY", true);
        institution(NOT_DESIGNATED, "150402", 2, "HOSPITAL", false);
        institution(REMOTE_HOSPITAL, "410302", 3, "HOSPITAL", true);
        item("A001", "A", null);
        item("B001", "B", null);
        item("BED", "A", "100");
        item("IMPLANT", "SELF_FUNDED", null);
    }

    public static void institution(String code, String region, int level, String kind, boolean designated) {
        given().contentType(ContentType.JSON).body(Map.of("name", "医院 " + code, "region", region, "level", level,
                "kind", kind, "designated", designated, "remoteNetworked", true)).put("/institutions/" + code)
                .then().statusCode(200);
    }

    public static void item(String code, String category, String limit) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "项目 " + code, "category", category));
        if (limit != null) {
            body.put("priceLimit", new BigDecimal(limit));
        }
        given().contentType(ContentType.JSON).body(body).put("/catalog/" + code).then().statusCode(200);
    }

    public static long enroll(String insuranceType, String personType, String region) {
        return accountService().body(Map.of("idNumber", TestData.idNumber(), "name", "患者", "insuranceType",
                        insuranceType, "personType", personType, "insuredRegion", region, "enrolledOn", "2020-01-01"))
                .post("/persons").then().statusCode(201).extract().jsonPath().getLong("personId");
    }

    /** An employee of Chifeng covered in 2026 (contributions Jan-Oct) with {@code balance} in the account. */
    public static long employee(String balance) {
        long id = enroll("310", "IN_SERVICE", "150400");
        for (int m = 1; m <= 10; m++) {
            accountService().header("Idempotency-Key", TestData.key())
                    .body(Map.of("period", String.format("2026-%02d", m), "individualAmount",
                            m == 1 ? new BigDecimal(balance) : BigDecimal.ZERO, "employerAmount", new BigDecimal("300")))
                    .post("/persons/" + id + "/contributions").then().statusCode(201);
        }
        return id;
    }

    public static String balance(long personId) {
        return accountService().get("/accounts/" + personId).then().statusCode(200).extract().path("balance").toString();
    }

    /** A bill at the level-3 hospital: total 18,500 (see SettlementCalculatorTest.HOSPITAL_STAY). */
    public static Map<String, Object> hospitalStay(long personId, String visit) {
        Map<String, Object> body = bill(personId, HOSPITAL, visit, "21", List.of(
                line("A001", "1", "10000"), line("B001", "10", "500"), line("BED", "10", "120"),
                line("IMPLANT", "1", "2000"), line("X999", "1", "300")));
        body.put("admissionDate", "2026-03-01");
        body.put("dischargeDate", "2026-03-10");
        body.put("useAccount", true);
        return body;
    }

    public static Map<String, Object> outpatient(long personId, String institution, String visit, String amount) {
        Map<String, Object> body = bill(personId, institution, visit, "11", List.of(line("A001", "1", amount)));
        body.put("serviceDate", "2026-06-15");
        return body;
    }

    public static Map<String, Object> bill(long personId, String institution, String visit, String medicalType,
                                    List<Map<String, Object>> lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", personId);
        body.put("institutionCode", institution);
        body.put("visitId", visit);
        body.put("medicalType", medicalType);
        body.put("lines", lines);
        return body;
    }

    public static Map<String, Object> line(String item, String quantity, String price) {
        return Map.of("itemCode", item, "quantity", new BigDecimal(quantity), "unitPrice", new BigDecimal(price));
    }

    public static ValidatableResponse settle(Map<String, Object> bill) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", TestData.key()).body(bill)
                .post("/settlements").then();
    }

    public static ValidatableResponse cancel(long settlementId) {
        return given().header("Idempotency-Key", TestData.key()).post("/settlements/" + settlementId + "/cancellation")
                .then();
    }

    public static ValidatableResponse accumulators(long personId, int year) {
        return given().get("/persons/" + personId + "/accumulators/" + year).then().statusCode(200);
    }

    /** A stay of one line (A001) admitted and discharged on one day. */
    public static Map<String, Object> bigStay(long person, String visit, String amount, String admitted) {
        Map<String, Object> stay = bill(person, HOSPITAL, visit, "21",
                java.util.List.of(line("A001", "1", amount)));
        stay.put("admissionDate", admitted);
        stay.put("dischargeDate", admitted);
        return stay;
    }
}
