package cn.medins.account.support;

import static io.restassured.RestAssured.given;

import cn.medins.account.enrollment.ResidentIdNumber;
import cn.medins.testsupport.TestData;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matcher;

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

    /**
     * What a database restart or failover does to the service: every connection to the database is
     * terminated, from a connection outside the pool so that the pooled ones all break.
     */
    public static void breakEveryDatabaseConnection() throws SQLException {
        Config config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
             var s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() "
                    + "and pid <> pg_backend_pid() and application_name not like 'psql%'");
        }
    }

    public static String key() {
        return TestData.key();
    }
}
