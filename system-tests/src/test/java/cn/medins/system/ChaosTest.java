package cn.medins.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.testsupport.PostgresResource;
import cn.medins.testsupport.TestData;
import cn.medins.testsupport.TestKeys;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Settlements and cancellations under load while account-service and reimbursement-service are
 * killed (-9) and restarted and the database's connections are terminated; then, once the recovery
 * job has finished what was left, the money invariants of {@code bench/invariants.sql} all hold:
 * ledgers sum to balances, nothing negative, accumulators equal the live settlements, every
 * completed settlement's account part is one unrefunded payment, every cancelled or failed one holds
 * none, no payment lacks its settlement, nothing PENDING or CANCELLING is left.
 */
class ChaosTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern ID = Pattern.compile("\"settlementId\":(\\d+)");
    private static final int PERSONS = 8;

    private final List<Long> persons = new ArrayList<>();
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();

    @BeforeAll
    static void suite() {
        Suite.start();
        Suite.settle().body(Map.of("name", "混沌医院", "region", "150402", "level", 3, "kind", "HOSPITAL",
                "designated", true, "remoteNetworked", true)).put("/institutions/CHAOS-H3").then().statusCode(200);
        Suite.settle().body(Map.of("name", "甲类药", "category", "A")).put("/catalog/CHAOS-A").then().statusCode(200);
    }

    @Test
    void killedServicesAndLostConnectionsLoseAndDoubleNothing() throws Exception {
        for (int i = 0; i < PERSONS; i++) {
            long person = Suite.account().body(Map.of("idNumber", TestData.idNumber(), "name", "参保人",
                            "insuranceType", "310", "personType", "IN_SERVICE", "insuredRegion", "150400",
                            "enrolledOn", "2020-01-01"))
                    .post("/persons").then().statusCode(201).extract().jsonPath().getLong("personId");
            for (int m = 1; m <= 6; m++) {
                Suite.account().header("Idempotency-Key", TestData.key()).body(Map.of("period", "2026-0" + m,
                                "individualAmount", new BigDecimal(m == 1 ? "3000" : "0"), "employerAmount", 300))
                        .post("/persons/" + person + "/contributions").then().statusCode(201);
            }
            persons.add(person);
        }

        long end = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        List<Thread> load = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    settleAndMaybeCancel();
                }
            });
            worker.start();
            load.add(worker);
        }
        Thread.sleep(4_000);
        Suite.accounts.kill();
        Thread.sleep(2_000);
        Suite.accounts.restart();
        Thread.sleep(4_000);
        Suite.reimbursement.kill();
        Thread.sleep(1_000);
        Suite.reimbursement.restart();
        Thread.sleep(4_000);
        terminateDatabaseConnections();
        Thread.sleep(4_000);
        Suite.accounts.kill();
        Suite.accounts.restart();
        for (Thread worker : load) {
            worker.join();
        }

        Map<String, Long> left = Map.of();
        for (int i = 0; i < 60; i++) {
            left = statusCounts();
            if (left.getOrDefault("PENDING", 0L) + left.getOrDefault("CANCELLING", 0L) == 0) {
                break;
            }
            Thread.sleep(500);
        }
        Map<String, Long> violations = invariants();
        System.out.println("chaos: answers " + new TreeMap<>(answers) + "; settlements by status " + left
                + "; invariant violations " + violations);
        assertTrue(left.getOrDefault("COMPLETED", 0L) + left.getOrDefault("CANCELLED", 0L) > 20,
                "the load settled through the faults: " + left);
        assertTrue(violations.values().stream().allMatch(v -> v == 0), "money invariants: " + violations);
        assertTrue(answers.keySet().stream().noneMatch(a -> a.matches(".* 5\\d\\d") && !a.endsWith(" 503")),
                "never a 500, only 503s while something was down: " + answers);
    }

    /** One visit settled; a third of them cancelled, the cancellation retried with its key as a counter would. */
    private void settleAndMaybeCancel() {
        long person = persons.get(ThreadLocalRandom.current().nextInt(persons.size()));
        String body = "{\"personId\":" + person + ",\"institutionCode\":\"CHAOS-H3\",\"visitId\":\"" + TestData.key()
                + "\",\"medicalType\":\"11\",\"serviceDate\":\"2026-07-15\",\"useAccount\":true,\"lines\":[{\"itemCode\":"
                + "\"CHAOS-A\",\"quantity\":1,\"unitPrice\":" + (20 + ThreadLocalRandom.current().nextInt(300)) + "}]}";
        HttpResponse<String> settled = post("/settlements", TestData.key(), body);
        if (settled == null || settled.statusCode() != 201 || ThreadLocalRandom.current().nextInt(3) != 0) {
            return;
        }
        Matcher id = ID.matcher(settled.body());
        if (id.find()) {
            String key = TestData.key();
            for (int attempt = 0; attempt < 3; attempt++) {
                HttpResponse<String> cancelled = post("/settlements/" + id.group(1) + "/cancellation", key, null);
                if (cancelled != null && cancelled.statusCode() == 200) {
                    return;
                }
            }
        }
    }

    private HttpResponse<String> post(String path, String key, String body) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(Suite.reimbursement.url() + path))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TestKeys.agency())
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            answers.computeIfAbsent(path.contains("cancellation") ? "cancel " + r.statusCode()
                    : "settle " + r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
            if (r.statusCode() >= 500) {
                Thread.sleep(100);
            }
            return r;
        } catch (java.io.IOException e) {
            answers.computeIfAbsent("no answer (killed)", k -> new AtomicInteger()).incrementAndGet();
            sleep();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Connection database() throws Exception {
        PostgresResource.Database db = PostgresResource.localOrConfigured();
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    private static void terminateDatabaseConnections() throws Exception {
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() "
                    + "and pid <> pg_backend_pid() and backend_type = 'client backend'");
        }
    }

    private static Map<String, Long> statusCounts() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select status, count(*) from reimbursement.settlement "
                     + "where institution_code = 'CHAOS-H3' group by status")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /** Runs the benchmark's invariant check, the same SQL, against the test database. */
    private static Map<String, Long> invariants() throws Exception {
        Map<String, Long> violations = new TreeMap<>();
        String sql = Files.readString(Path.of("..", "bench", "invariants.sql"));
        try (Connection c = database(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                violations.put(rs.getString(1), rs.getLong(2));
            }
        }
        // one row per "select '<name>'" of the file: none lost to a union that merged two names
        long checks = java.util.regex.Pattern.compile("(?m)^select '").matcher(sql).results().count();
        assertEquals(checks, violations.size(), "every invariant was checked: " + violations);
        return violations;
    }
}
