package cn.medins.reimbursement.settlement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.reimbursement.support.HospitalCounter;
import cn.medins.testsupport.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A table locked by other work (a long migration, a stuck batch) bounds the wait of the requests that
 * need it: 503 DATABASE_BUSY with Retry-After within the lock timeout, nothing done; everything that
 * does not need the table goes on answering, and afterwards the same request settles.
 */
@QuarkusTest
class DatabaseBusyTest {

    @BeforeEach
    void referenceData() {
        HospitalCounter.setUpReferenceData();
    }

    private static Connection connect() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    @Test
    void aLockedAccumulatorTableIsA503WithinSecondsAndTheRestGoesOn() throws Exception {
        long person = HospitalCounter.employee("1000");
        Map<String, Object> visit = HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, "busy-" + person, "1000");
        String key = TestData.key();
        try (Connection other = connect()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("lock table reimbursement.yearly_accumulator in access exclusive mode");
            }
            long started = System.nanoTime();
            given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(visit).post("/settlements")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue()).body("code", equalTo("DATABASE_BUSY"));
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(waited.toMillis() < 5000, "answered within the lock timeout: " + waited);

            started = System.nanoTime();
            given().get("/institutions/" + HospitalCounter.HOSPITAL).then().statusCode(200);
            given().get("/q/health/ready").then().statusCode(200);
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 1000, "reads go on answering");
            other.rollback();
        }
        // nothing was kept of the refused request, key included: the same request settles now
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(visit).post("/settlements")
                .then().statusCode(201).body("status", equalTo("COMPLETED"));
    }
}
