package cn.medins.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of the fault tests: settlements at the chaos hospital, a third of them cancelled with
 * their key retried as a counter would, each sent to the reimbursement-service instance the target
 * names; every answer counted by kind. And what is checked afterwards: the settlements' statuses and
 * the money invariants of {@code bench/invariants.sql}.
 */
final class ChaosLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern ID = Pattern.compile("\"settlementId\":(\\d+)");

    final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final List<Long> persons = new ArrayList<>();
    private final Supplier<String> target;

    /** {@code target}: the base URL of the reimbursement-service instance each request goes to. */
    ChaosLoad(Supplier<String> target) {
        this.target = target;
    }

    /** The chaos hospital and its one catalog item. */
    static void referenceData() {
        Suite.settle().body(Map.of("name", "混沌医院", "region", "150402", "level", 3, "kind", "HOSPITAL",
                "designated", true, "remoteNetworked", true)).put("/institutions/CHAOS-H3").then().statusCode(200);
        Suite.settle().body(Map.of("name", "甲类药", "category", "A")).put("/catalog/CHAOS-A").then().statusCode(200);
    }

    /** Employees covered in 2026 with 3,000.00 in their accounts. */
    void seed(int count) {
        for (int i = 0; i < count; i++) {
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
    }

    /** {@code workers} threads settling (and sometimes cancelling) until {@code length} has passed. */
    List<Thread> start(int workers, Duration length) {
        long end = System.nanoTime() + length.toNanos();
        List<Thread> load = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    settleAndMaybeCancel();
                }
            });
            worker.start();
            load.add(worker);
        }
        return load;
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
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(target.get() + path))
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
            sleep(200);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Whether any answer was a 5xx other than a 503. */
    boolean anyServerError() {
        return answers.keySet().stream().anyMatch(a -> a.matches(".* 5\\d\\d") && !a.endsWith(" 503"));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Connection database() throws Exception {
        PostgresResource.Database db = PostgresResource.localOrConfigured();
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    static void terminateDatabaseConnections() throws Exception {
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() "
                    + "and pid <> pg_backend_pid() and backend_type = 'client backend'");
        }
    }

    /** The chaos hospital's settlements by status, once recovery has left none PENDING or CANCELLING (30 s at most). */
    static Map<String, Long> settledStatuses() throws Exception {
        Map<String, Long> left = Map.of();
        for (int i = 0; i < 60; i++) {
            left = statusCounts();
            if (left.getOrDefault("PENDING", 0L) + left.getOrDefault("CANCELLING", 0L) == 0) {
                break;
            }
            Thread.sleep(500);
        }
        return left;
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
    static Map<String, Long> invariants() throws Exception {
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
