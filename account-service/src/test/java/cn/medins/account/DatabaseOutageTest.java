package cn.medins.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.account.support.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The database's connections terminated under the service (as a failover or an operator would):
 * every request is answered with its result or a 503 problem with Retry-After, never a 500 or an
 * empty body, and the service recovers by itself.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.NoIdleValidation.class)
class DatabaseOutageTest {

    /**
     * Without the pool's check of idle connections (on in every profile), so that requests do meet
     * the broken connections and the 503 path is exercised every time.
     */
    public static class NoIdleValidation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.foreground-validation-interval", "0S");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void terminatedConnectionsGiveA503ProblemAndTheServiceRecoversByItself() throws Exception {
        long id = Fixtures.employeeWithBalance("50.00");
        Fixtures.breakEveryDatabaseConnection();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Response r = given().get("/accounts/" + id);
            statuses.add(r.statusCode());
            if (r.statusCode() == 503) {
                assertEquals("application/problem+json", r.contentType());
                assertEquals("DATABASE_UNAVAILABLE", r.path("code"));
                assertNotNull(r.header("Retry-After"));
            } else {
                assertEquals(200, r.statusCode(), r.asString());
            }
        }
        assertTrue(statuses.contains(503), "the broken connection was answered with a 503: " + statuses);
        assertTrue(statuses.subList(statuses.size() - 5, statuses.size()).stream().allMatch(s -> s == 200),
                "recovered by itself: " + statuses);
        Fixtures.pay(id, "5.00", "after-outage-" + id, false).statusCode(201);
        assertEquals("45.00", Fixtures.balance(id));
        // the broken connections this test made must not fail the next test class's first requests
        dataSource.flush(AgroalDataSource.FlushMode.INVALID);
    }
}
