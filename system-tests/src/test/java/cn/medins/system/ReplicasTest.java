package cn.medins.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.testsupport.PackagedService;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two reimbursement-service replicas on one database share the load; one is killed (-9) for good
 * and account-service is stopped for a while. The replica left finishes every saga the killed one
 * left: nothing PENDING or CANCELLING, the money invariants hold, no saga is recovered twice, no 500.
 */
class ReplicasTest {

    /** Recovery's log line per saga: a settlement's completion or void, or its cancellation's end. */
    private static final Pattern RECOVERED = Pattern.compile("Recovered settlement (\\d+): (the cancellation)?");

    @BeforeAll
    static void suite() {
        Suite.start();
        ChaosLoad.referenceData();
    }

    @Test
    void theReplicaLeftFinishesWhatTheKilledOneLeftOnce() throws Exception {
        PackagedService second = Suite.anotherReimbursementService(Map.of());
        AtomicLong turn = new AtomicLong();
        ChaosLoad chaos = new ChaosLoad(() -> turn.incrementAndGet() % 2 == 0 ? Suite.reimbursement.url() : second.url());
        chaos.seed(8);
        List<Thread> load = chaos.start(4, Duration.ofSeconds(20));
        Thread.sleep(4_000);
        Suite.accounts.kill();           // sagas on both replicas are left PENDING or CANCELLING
        Thread.sleep(3_000);
        second.kill();                   // and the second replica never comes back
        Thread.sleep(2_000);
        Suite.accounts.restart();
        for (Thread worker : load) {
            worker.join();
        }

        Map<String, Long> left = ChaosLoad.settledStatuses();
        Map<String, Long> violations = ChaosLoad.invariants();
        Map<String, Integer> recoveries = recoveredTwice(Suite.reimbursement.output() + second.output());
        System.out.println("replicas: answers " + new TreeMap<>(chaos.answers) + "; settlements by status " + left
                + "; invariant violations " + violations);
        assertEquals(0L, left.getOrDefault("PENDING", 0L) + left.getOrDefault("CANCELLING", 0L),
                "every saga finished: " + left);
        assertTrue(left.getOrDefault("COMPLETED", 0L) > 10, "the load settled on both replicas: " + left);
        assertTrue(violations.values().stream().allMatch(v -> v == 0), "money invariants: " + violations);
        assertEquals(Map.of(), recoveries, "no saga recovered twice");
        assertFalse(chaos.anyServerError(), "never a 500: " + chaos.answers);
    }

    /** The settlements the logs say were recovered more than once, with how often. */
    private static Map<String, Integer> recoveredTwice(String logs) {
        Map<String, Integer> times = new HashMap<>();
        Matcher m = RECOVERED.matcher(logs);
        while (m.find()) {
            times.merge(m.group(1) + (m.group(2) == null ? " settle" : " cancel"), 1, Integer::sum);
        }
        times.values().removeIf(n -> n < 2);
        return times;
    }
}
