package cn.medins.account;

import static io.restassured.RestAssured.given;

import cn.medins.account.domain.ResidentIdNumber;
import cn.medins.testsupport.TestData;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.Map;
import org.hamcrest.Matcher;
import java.util.concurrent.ThreadLocalRandom;

/** Builds persons and money movements through the public API, as a client would. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A valid, random resident ID number (region 150402 Chifeng). */
    public static String idNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(20_000));
        String body = "150402" + birth.toString().replace("-", "") + String.format("%03d", r.nextInt(1000));
        return body + ResidentIdNumber.checkCharacter(body);
    }

    public static long enroll(String insuranceType, String personType, String region, LocalDate enrolledOn) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("idNumber", idNumber(), "name", "测试 " + personType, "insuranceType", insuranceType,
                        "personType", personType, "insuredRegion", region, "enrolledOn", enrolledOn.toString()))
                .post("/persons").then().statusCode(201).extract().jsonPath().getLong("personId");
    }

    public static long employee() {
        return enroll("310", "IN_SERVICE", "150400", LocalDate.of(2020, 1, 1));
    }

    public static long retiree() {
        return enroll("310", "RETIRED", "410300", LocalDate.of(2020, 1, 1));
    }

    public static long resident() {
        return enroll("390", "RESIDENT", "360100", LocalDate.of(2020, 1, 1));
    }

    public static ValidatableResponse contribute(long personId, String period, String individual, String employer) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key())
                .body("{\"period\":\"" + period + "\",\"individualAmount\":" + individual + ",\"employerAmount\":"
                        + employer + "}")
                .post("/persons/" + personId + "/contributions").then();
    }

    /** An employee whose account holds {@code amount} (one contribution, no employer share). */
    public static long employeeWithBalance(String amount) {
        long id = employee();
        contribute(id, "2024-01", amount, "0").statusCode(201);
        return id;
    }

    public static ValidatableResponse pay(long personId, String amount, String reference, boolean allowPartial) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key())
                .body("{\"amount\":" + amount + ",\"purpose\":\"OUTPATIENT\",\"reference\":\"" + reference
                        + "\",\"allowPartial\":" + allowPartial + "}")
                .post("/accounts/" + personId + "/payments").then();
    }

    public static String balance(long personId) {
        return given().get("/accounts/" + personId).then().statusCode(200).extract().path("balance").toString();
    }

    public static Matcher<Object> yuan(String amount) {
        return TestData.yuan(amount);
    }

    public static String key() {
        return TestData.key();
    }
}
