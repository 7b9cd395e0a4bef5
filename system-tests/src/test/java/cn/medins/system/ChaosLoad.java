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
import java.util.concurrent.atomic.LongAccumulator;
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
    private static final Pattern CODE = Pattern.compile("\"code\":\"([A-Z_]+)\"");

    final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    /** The longest a settlement or a cancellation waited for its answer since {@link #timeFromNow()}. */
    final LongAccumulator slowestMillis = new LongAccumulator(Math::max, 0);
    private volatile boolean stopped;
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

    /** {@code workers} threads settling (and sometimes cancelling) until {@code length} has passed or {@link #stop()}. */
    List<Thread> start(int workers, Duration length) {
        long end = System.nanoTime() + length.toNanos();
        List<Thread> load = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end && !stopped) {
                    settleAndMaybeCancel();
                }
            });
            worker.start();
            load.add(worker);
        }
        return load;
    }

    /** Ends every worker after its request in flight. */
    void stop() {
        stopped = true;
    }

    /** Starts {@link #slowestMillis} again. */
    void timeFromNow() {
        slowestMillis.reset();
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
        long sent = System.nanoTime();
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(target.get() + path))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TestKeys.agency())
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            slowestMillis.accumulate((System.nanoTime() - sent) / 1_000_000);
            answers.computeIfAbsent((path.contains("cancellation") ? "cancel " : "settle ") + outcome(r),
                    k -> new AtomicInteger()).incrementAndGet();
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

    /** The status, and for a 503 its problem's code and whether it says when to retry. */
    private static String outcome(HttpResponse<String> r) {
        if (r.statusCode() != 503) {
            return String.valueOf(r.statusCode());
        }
        Matcher code = CODE.matcher(r.body());
        return "503 " + (code.find() ? code.group(1) : "(no problem code)")
                + (r.headers().firstValue("Retry-After").isPresent() ? "" : " without Retry-After");
    }

    /** Whether any answer was a 5xx other than a 503 with Retry-After. */
    boolean anyServerError() {
        return answers.keySet().stream().anyMatch(a -> a.matches(".* 5\\d\\d.*")
                && (!a.contains(" 503 ") || a.endsWith("without Retry-After")));
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

    /**
     * Holds an ACCESS EXCLUSIVE lock on {@code table} (as a long migration or a stuck batch would) from
     * its return until the returned lock is closed.
     */
    static AutoCloseable lockTable(String table) throws Exception {
        Connection c = database();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("lock table " + table + " in access exclusive mode");
        }
        return () -> {
            c.commit();
            c.close();
        };
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
