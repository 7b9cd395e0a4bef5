package cn.medins.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.testsupport.PackagedService;
import cn.medins.testsupport.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rolling update's SIGTERM drains instead of cutting: readiness reports DOWN at once, the service
 * goes on answering for the drain delay while the load balancer (here the load itself, which stops
 * sending once it sees readiness DOWN) steers away, then it finishes what is in flight and exits.
 * Every request sent gets an answer, and none is a 500.
 */
class DrainTest {

    @BeforeAll
    static void suite() {
        Suite.start();
    }

    @Test
    void sigtermUnderLoadLosesNoAnswer() throws Exception {
        PackagedService draining = Suite.anotherReimbursementService(Map.of("quarkus.shutdown.delay", "2s"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest read = HttpRequest.newBuilder(URI.create(draining.url() + "/policies/150400/310/2026"))
                .header("Authorization", "Bearer " + TestKeys.agency()).timeout(Duration.ofSeconds(10)).build();
        AtomicBoolean steeredAway = new AtomicBoolean();
        Queue<String> outcomes = new ConcurrentLinkedQueue<>();
        ExecutorService load = Executors.newFixedThreadPool(5);
        for (int i = 0; i < 4; i++) {
            load.submit(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!steeredAway.get() && System.nanoTime() < deadline) {
                    outcomes.add(send(http, read));
                }
            });
        }
        load.submit(() -> { // the load balancer: polls readiness and stops routing when it is DOWN
            while (!steeredAway.get()) {
                if (send(http, HttpRequest.newBuilder(URI.create(draining.url() + "/q/health/ready")).build())
                        .startsWith("503")) {
                    steeredAway.set(true);
                }
                sleep(100);
            }
        });
        long warm = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (outcomes.size() < 100 && System.nanoTime() < warm) { // the load is under way
            sleep(100);
        }
        long signalled = System.nanoTime();
        int exit = draining.terminate(Duration.ofSeconds(20));
        Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);
        load.shutdown();
        assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));

        List<String> all = List.copyOf(outcomes);
        assertTrue(steeredAway.get(), "readiness reported DOWN during the drain");
        assertTrue(stopping.toMillis() >= 1800, "it went on answering for the drain delay: " + stopping);
        Map<String, Long> byOutcome = all.stream().collect(java.util.stream.Collectors.groupingBy(o -> o,
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        assertTrue(byOutcome.getOrDefault("200", 0L) > 50, "the load ran: " + byOutcome);
        assertEquals(List.of(), all.stream().filter(o -> !o.equals("200") && !o.equals("503+Retry-After")).toList(),
                "every request sent got a 200 or a 503 with Retry-After");
        assertTrue(exit == 0 || exit == 143, "it exited by itself after SIGTERM (JVM status 143), not killed: " + exit);
    }

    /**
     * A client that never looks at readiness (a counter's HIS on its own connection, a proxy that keeps
     * connections): it keeps sending until the process is gone, waiting only as long as a Retry-After
     * says. For the delay's last second each new request is refused at once (503 with Retry-After), so
     * what is in flight finishes and the service stops long before its shutdown timeout, without
     * cutting a request it took; once it is gone, the connection is refused, which a client retries
     * elsewhere. (Without the refusal, runs here lost 1 to 5 requests each, cut by the closing server.)
     */
    @Test
    void aClientThatKeepsSendingIsRefusedNotCut() throws Exception {
        PackagedService draining = Suite.anotherReimbursementService(Map.of("quarkus.shutdown.delay", "2s",
                "quarkus.shutdown.timeout", "10s"));
        // the JDK client's default, HTTP/2 by an h2c upgrade: the drain must hold for it too (JDK-8335181)
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest read = HttpRequest.newBuilder(URI.create(draining.url() + "/policies/150400/310/2026"))
                .header("Authorization", "Bearer " + TestKeys.agency()).timeout(Duration.ofSeconds(15)).build();
        AtomicBoolean gone = new AtomicBoolean();
        Queue<String> outcomes = new ConcurrentLinkedQueue<>();
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            load.submit(() -> {
                while (!gone.get()) {
                    String outcome = send(http, read);
                    outcomes.add(outcome);
                    if (!outcome.equals("200")) {
                        sleep(outcome.equals("refused") ? 100 : 2_000); // as Retry-After says
                    }
                }
            });
        }
        while (outcomes.size() < 100) {
            sleep(100);
        }
        long signalled = System.nanoTime();
        int exit = draining.terminate(Duration.ofSeconds(20));
        Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);
        sleep(500);
        gone.set(true);
        load.shutdown();
        assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));

        Map<String, Long> byOutcome = List.copyOf(outcomes).stream().collect(java.util.stream.Collectors.groupingBy(
                o -> o, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        assertTrue(stopping.toMillis() >= 1800 && stopping.toMillis() < 6_000,
                "it answered for the 2 s delay, then stopped well before the 10 s timeout: " + stopping + " " + byOutcome);
        assertTrue(byOutcome.getOrDefault("503+Retry-After", 0L) > 0, "new requests were refused: " + byOutcome);
        Map<String, Long> unexpected = new java.util.TreeMap<>(byOutcome);
        unexpected.keySet().removeAll(List.of("200", "503+Retry-After", "refused"));
        assertEquals(Map.of(), unexpected, "every request it took got an answer, 200 or 503 with Retry-After: " + byOutcome);
        assertTrue(exit == 0 || exit == 143, "it exited by itself: " + exit);
    }

    private static String send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()) {
                return "503+Retry-After";
            }
            return String.valueOf(r.statusCode());
        } catch (java.net.ConnectException e) {
            return "refused";
        } catch (Exception e) {
            return "no answer: " + e;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
