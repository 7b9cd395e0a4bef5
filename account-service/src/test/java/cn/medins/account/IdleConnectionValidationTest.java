package cn.medins.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * With the default settings, a pooled connection idle for more than a second is checked before use:
 * after the database dropped every connection (a restart, a failover), the next requests are
 * served on new connections instead of each failing once.
 */
@QuarkusTest
class IdleConnectionValidationTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Test
    void connectionsBrokenWhileIdleAreReplacedBeforeUse() throws Exception {
        long id = Fixtures.employeeWithBalance("10.00");
        try (Connection c = DriverManager.getConnection(url, user, password.orElse(null));
             var s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() "
                    + "and pid <> pg_backend_pid() and application_name not like 'psql%'");
        }
        Thread.sleep(1_500);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(given().get("/accounts/" + id).statusCode());
        }
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200), statuses);
    }
}
