package cn.medins.system;

import static io.restassured.RestAssured.given;

import cn.medins.testsupport.PackagedService;
import cn.medins.testsupport.TestDefaultsCallback;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;

/** The three packaged services, started once as real processes for every system test. */
final class Suite {

    static PackagedService accounts;
    static PackagedService remoteCare;
    static PackagedService reimbursement;

    private Suite() {
    }

    static synchronized void start() {
        if (accounts != null) {
            return;
        }
        TestDefaultsCallback.apply();
        accounts = PackagedService.start("account-service", Map.of());
        remoteCare = PackagedService.start("remote-care-service",
                Map.of("quarkus.rest-client.account-service.url", accounts.url()));
        reimbursement = PackagedService.start("reimbursement-service", Map.of(
                "quarkus.rest-client.account-service.url", accounts.url(),
                "quarkus.rest-client.remote-care-service.url", remoteCare.url(),
                "reimbursement.recovery.every", "1s",
                "reimbursement.recovery.pending-age", "2s"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            reimbursement.stop();
            remoteCare.stop();
            accounts.stop();
        }));
    }

    static RequestSpecification account() {
        return given().baseUri(accounts.url()).contentType(ContentType.JSON);
    }

    static RequestSpecification care() {
        return given().baseUri(remoteCare.url()).contentType(ContentType.JSON);
    }

    static RequestSpecification settle() {
        return given().baseUri(reimbursement.url()).contentType(ContentType.JSON);
    }

    /** Retries an assertion until it holds (a restarted service, a circuit closing again). */
    static void eventually(Duration within, Runnable assertion) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }
}
