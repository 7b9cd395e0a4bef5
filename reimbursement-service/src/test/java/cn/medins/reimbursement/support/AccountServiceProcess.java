package cn.medins.reimbursement.support;

import cn.medins.testsupport.PackagedService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The real, packaged account-service and remote-care-service, started beside the tests (the second
 * pointed at the first), and reimbursement-service's REST clients pointed at them.
 */
public class AccountServiceProcess implements QuarkusTestResourceLifecycleManager {

    private static PackagedService accounts;
    private static PackagedService remoteCare;

    public static String url() {
        return accounts.url();
    }

    public static String remoteCareUrl() {
        return remoteCare.url();
    }

    @Override
    public Map<String, String> start() {
        accounts = PackagedService.start("account-service", Map.of());
        remoteCare = PackagedService.start("remote-care-service",
                Map.of("quarkus.rest-client.account-service.url", accounts.url()));
        return Map.of("quarkus.rest-client.account-service.url", accounts.url(),
                "quarkus.rest-client.remote-care-service.url", remoteCare.url());
    }

    @Override
    public void stop() {
        if (remoteCare != null) {
            remoteCare.stop();
        }
        if (accounts != null) {
            accounts.stop();
        }
    }
}
