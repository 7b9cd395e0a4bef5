package cn.medins.nhsa.support;

import cn.medins.testsupport.PackagedService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The three services of the suite, packaged and real, started beside the gateway's tests (each pointed
 * at the others), and the gateway's REST clients pointed at them.
 */
public class SuiteProcesses implements QuarkusTestResourceLifecycleManager {

    private static PackagedService accounts;
    private static PackagedService remoteCare;
    private static PackagedService reimbursement;

    public static String accountUrl() {
        return accounts.url();
    }

    public static String remoteCareUrl() {
        return remoteCare.url();
    }

    public static String reimbursementUrl() {
        return reimbursement.url();
    }

    @Override
    public Map<String, String> start() {
        accounts = PackagedService.start("account-service", Map.of());
        remoteCare = PackagedService.start("remote-care-service",
                Map.of("quarkus.rest-client.account-service.url", accounts.url()));
        reimbursement = PackagedService.start("reimbursement-service", Map.of(
                "quarkus.rest-client.account-service.url", accounts.url(),
                "quarkus.rest-client.remote-care-service.url", remoteCare.url()));
        return Map.of("quarkus.rest-client.account-service.url", accounts.url(),
                "quarkus.rest-client.reimbursement-service.url", reimbursement.url());
    }

    @Override
    public void stop() {
        for (PackagedService s : new PackagedService[] {reimbursement, remoteCare, accounts}) {
            if (s != null) {
                s.stop();
            }
        }
    }
}
