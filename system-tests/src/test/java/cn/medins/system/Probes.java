package cn.medins.system;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * Requests polled while a fault lasts, as a load balancer's health check and a user's reads would:
 * every answer counted by request and status, and the slowest answer's time.
 */
final class Probes implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    final LongAccumulator slowestMillis = new LongAccumulator(Math::max, 0);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    /** Polls each request by its name, one after the other, every {@code every}, until closed. */
    Probes(Map<String, HttpRequest> requests, Duration every) {
        poller = new Thread(() -> {
            while (running.get()) {
                requests.forEach(this::poll);
                ChaosLoad.sleep(every.toMillis());
            }
        });
        poller.start();
    }

    private void poll(String name, HttpRequest request) {
        long sent = System.nanoTime();
        String outcome;
        try {
            outcome = String.valueOf(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (java.io.IOException e) {
            outcome = "no answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        slowestMillis.accumulate((System.nanoTime() - sent) / 1_000_000);
        answers.computeIfAbsent(name + " " + outcome, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Each request's answers by status. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        answers.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        poller.join();
    }
}
