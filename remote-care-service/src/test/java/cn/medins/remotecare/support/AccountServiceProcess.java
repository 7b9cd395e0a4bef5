package cn.medins.remotecare.support;

import cn.medins.testsupport.PackagedService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The real, packaged account-service beside the tests; the REST client points at it. */
public class AccountServiceProcess implements QuarkusTestResourceLifecycleManager {

    private static PackagedService accounts;

    public static String url() {
        return accounts.url();
    }

    @Override
    public Map<String, String> start() {
        accounts = PackagedService.start("account-service", Map.of());
        return Map.of("quarkus.rest-client.account-service.url", accounts.url());
    }

    @Override
    public void stop() {
        if (accounts != null) {
            accounts.stop();
        }
    }
}
