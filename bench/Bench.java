import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator (JDK only, run as a single-file program): seeds N insured employees with money in
 * their accounts, then drives settlements through reimbursement-service at a concurrency for a
 * duration. Every settlement asks account-service for eligibility and makes a real account payment.
 *
 * MEDINS_TOKEN=(an agency token) java bench/Bench.java PERSONS CONCURRENCY SECONDS [ACCOUNT_URL] [REIMBURSEMENT_URL]
 * BENCH_PIDS=name=pid,... adds the CPU time each process and PostgreSQL spent per settlement;
 * BENCH_TOLERATE_ERRORS=true exits 0 even when some settlements were not answered 201.
 */
public class Bench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String TOKEN = System.getenv("MEDINS_TOKEN");
    static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    public static void main(String[] args) throws Exception {
        int persons = Integer.parseInt(args[0]);
        int concurrency = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String account = args.length > 3 ? args[3] : "http://localhost:8081";
        String reimbursement = args.length > 4 ? args[4] : "http://localhost:8082";

        post(reimbursement + "/institutions/BENCH-H3", "PUT", "{\"name\":\"bench hospital\",\"region\":\"150402\","
                + "\"level\":3,\"kind\":\"HOSPITAL\",\"designated\":true,\"remoteNetworked\":true}", 200);
        post(reimbursement + "/catalog/BENCH-A", "PUT", "{\"name\":\"bench drug\",\"category\":\"A\"}", 200);

        long seedStart = System.nanoTime();
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        runParallel(concurrency, persons, i -> ids.add(seedPerson(account)));
        System.out.printf("seeded %d persons (enrollment + 6 contributions each) in %.1f s%n", ids.size(),
                (System.nanoTime() - seedStart) / 1e9);

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        Map<String, Duration> cpuBefore = cpu();
        Duration generatorBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long person = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                    String body = "{\"personId\":" + person + ",\"institutionCode\":\"BENCH-H3\",\"visitId\":\""
                            + UUID.randomUUID() + "\",\"medicalType\":\"11\",\"serviceDate\":\"2026-07-15\","
                            + "\"useAccount\":true,\"lines\":[{\"itemCode\":\"BENCH-A\",\"quantity\":1,\"unitPrice\":12.5}]}";
                    long t0 = System.nanoTime();
                    int status = send(reimbursement + "/settlements", "POST", body);
                    latencies.add(System.nanoTime() - t0);
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    if (status == -1 || status == 503) {
                        pause(); // as a counter system would, instead of hammering a service that is not there
                    }
                }
            });
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long ok = statuses.getOrDefault(201, new AtomicLong()).get();
        System.out.printf("settlements: %d in %.1f s at concurrency %d -> %.1f settlements/s%n", ok, elapsed,
                concurrency, ok / elapsed);
        System.out.printf("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
        System.out.println("answers by status: " + new TreeMap<>(statuses));
        Map<String, Duration> cpuAfter = cpu();
        StringBuilder perSettlement = new StringBuilder("CPU ms per settlement:");
        double all = 0;
        for (String name : cpuAfter.keySet()) {
            double ms = (cpuAfter.get(name).toNanos() - cpuBefore.getOrDefault(name, Duration.ZERO).toNanos()) / 1e6
                    / Math.max(1, ok);
            all += ms;
            perSettlement.append(String.format("  %s %.2f", name, ms));
        }
        System.out.println(perSettlement.append(String.format("  | all %.2f", all)));
        // not in "all": the counters' side, which shares the machine's cores with the suite here
        double generator = (ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos()
                - generatorBefore.toNanos()) / 1e6 / Math.max(1, ok);
        System.out.printf("CPU ms per settlement of this load generator (HTTP client, not in all): %.2f%n", generator);
        System.out.printf("SETTLEMENTS_PER_SECOND=%.2f%n", ok / elapsed);
        if (ok != latencies.size() && !"true".equals(System.getenv("BENCH_TOLERATE_ERRORS"))) {
            System.exit(1);
        }
    }

    static long seedPerson(String account) {
        String body = "{\"idNumber\":\"" + idNumber() + "\",\"name\":\"bench\",\"insuranceType\":\"310\","
                + "\"personType\":\"IN_SERVICE\",\"insuredRegion\":\"150400\",\"enrolledOn\":\"2020-01-01\"}";
        String created = post(account + "/persons", "POST", body, 201);
        Matcher m = Pattern.compile("\"personId\":(\\d+)").matcher(created);
        m.find();
        long id = Long.parseLong(m.group(1));
        for (int month = 1; month <= 6; month++) {
            post(account + "/persons/" + id + "/contributions", "POST", "{\"period\":\"2026-0" + month
                    + "\",\"individualAmount\":" + (month == 1 ? "100000" : "0") + ",\"employerAmount\":100}", 201);
        }
        return id;
    }

    /**
     * CPU time used so far by each service (pids from BENCH_PIDS, "name=pid,...") and by every
     * PostgreSQL process together (its backends live as long as the pools' connections).
     */
    static Map<String, Duration> cpu() {
        Map<String, Duration> used = new TreeMap<>();
        String pids = System.getenv().getOrDefault("BENCH_PIDS", "");
        for (String entry : pids.split(",")) {
            String[] nameAndPid = entry.split("=");
            if (nameAndPid.length == 2) {
                ProcessHandle.of(Long.parseLong(nameAndPid[1].trim())).flatMap(h -> h.info().totalCpuDuration())
                        .ifPresent(d -> used.put(nameAndPid[0], d));
            }
        }
        used.put("postgresql", ProcessHandle.allProcesses()
                .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .map(h -> h.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus));
        return used;
    }

    static String idNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String body = "150402" + LocalDate.of(1950, 1, 1).plusDays(r.nextInt(20000)).toString().replace("-", "")
                + String.format("%03d", r.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    interface Task {
        void run(int i) throws Exception;
    }

    static void runParallel(int threads, int count, Task task) throws Exception {
        AtomicLong next = new AtomicLong();
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                        task.run((int) i);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            thread.start();
            all.add(thread);
        }
        for (Thread t : all) {
            t.join();
        }
    }

    static int send(String url, String method, String body) {
        try {
            return HTTP.send(request(url, method, body), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static String post(String url, String method, String body, int expected) {
        try {
            HttpResponse<String> r = HTTP.send(request(url, method, body), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + url + ": " + e, e);
        }
    }

    static HttpRequest request(String url, String method, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
