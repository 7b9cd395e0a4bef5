package cn.medins.reimbursement.support;

import cn.medins.testsupport.PostgresResource;
import cn.medins.testsupport.TestKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** reimbursement-service against a simulated account-service that is slow, failing or silent. */
public class FailingAccountServiceProfile implements QuarkusTestProfile {

    /** The breaker's volume threshold; {@link TrippingBreakerProfile} keeps the production one. */
    static final String BREAKER_VOLUME = "cn.medins.reimbursement.client.AccountClient/CircuitBreaker/requestVolumeThreshold";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.rest-client.account-service.read-timeout", "500",
                "reimbursement.recovery.pending-age", "0s",
                "quarkus.rest-client.remote-care-service.url", "http://127.0.0.1:9", // nothing listens there
                // these tests fail on purpose, many times: keep the breaker closed so each sees its own failure
                BREAKER_VOLUME, "100000");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return withDatabaseAndKeys(WireMockAccountService.class);
    }

    /** The database and the test keys, and this simulation of the downstream services (no global resources). */
    static List<TestResourceEntry> withDatabaseAndKeys(Class<? extends QuarkusTestResourceLifecycleManager> downstream) {
        return List.of(new TestResourceEntry(PostgresResource.class), new TestResourceEntry(TestKeys.class),
                new TestResourceEntry(downstream));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
