package cn.medins.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.medins.account.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With the default settings, a pooled connection idle for more than a second is checked before use:
 * after the database dropped every connection (a restart, a failover), the next requests are
 * served on new connections instead of each failing once.
 */
@QuarkusTest
class IdleConnectionValidationTest {

    @Test
    void connectionsBrokenWhileIdleAreReplacedBeforeUse() throws Exception {
        long id = Fixtures.employeeWithBalance("10.00");
        Fixtures.breakEveryDatabaseConnection();
        Thread.sleep(1_500);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(given().get("/accounts/" + id).statusCode());
        }
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200), statuses);
    }
}
