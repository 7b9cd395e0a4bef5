package cn.medins.system;

import static io.restassured.RestAssured.given;

import cn.medins.testsupport.PackagedService;
import cn.medins.testsupport.PostgresResource;
import cn.medins.testsupport.TestDefaultsCallback;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
        freshSchemas();
        accounts = PackagedService.start("account-service", Map.of());
        remoteCare = PackagedService.start("remote-care-service",
                Map.of("quarkus.rest-client.account-service.url", accounts.url()));
        reimbursement = anotherReimbursementService(Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            reimbursement.stop();
            remoteCare.stop();
            accounts.stop();
        }));
    }

    /**
     * One more reimbursement-service on the same database and downstream services (a replica), with
     * recovery every second for sagas older than 5 s (longer than a payment can be in flight: 1 s to
     * connect, 3 s to answer), and these settings on top.
     */
    static PackagedService anotherReimbursementService(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(Map.of(
                "quarkus.rest-client.account-service.url", accounts.url(),
                "quarkus.rest-client.remote-care-service.url", remoteCare.url(),
                "reimbursement.recovery.every", "1s",
                "reimbursement.recovery.pending-age", "5s"));
        all.putAll(settings);
        return PackagedService.start("reimbursement-service", all);
    }

    /**
     * The packaged services migrate fresh schemas, so that the stories (and the money invariants the
     * chaos test checks over the whole database) see only what these services did, not what the
     * modules' own tests left (some against a simulated account-service).
     */
    private static void freshSchemas() {
        PostgresResource.Database db = PostgresResource.localOrConfigured();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute("drop schema if exists account, reimbursement, remote_care cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reset the test database's schemas", e);
        }
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
