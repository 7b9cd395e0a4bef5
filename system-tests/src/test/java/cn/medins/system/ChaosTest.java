package cn.medins.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.testsupport.TestKeys;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    @BeforeAll
    static void suite() {
        Suite.start();
        ChaosLoad.referenceData();
    }

    @Test
    void killedServicesAndLostConnectionsLoseAndDoubleNothing() throws Exception {
        ChaosLoad chaos = new ChaosLoad(() -> Suite.reimbursement.url());
        chaos.seed(8);
        List<Thread> load = chaos.start(4, Duration.ofMinutes(3));
        Thread.sleep(4_000);
        Suite.accounts.kill();
        Thread.sleep(2_000);
        Suite.accounts.restart();
        Thread.sleep(4_000);
        Suite.reimbursement.kill();
        Thread.sleep(1_000);
        Suite.reimbursement.restart();
        Thread.sleep(4_000);
        ChaosLoad.terminateDatabaseConnections();
        Thread.sleep(4_000);
        int drained = Suite.reimbursement.terminate(Duration.ofSeconds(20)); // a rolling update's SIGTERM
        Suite.reimbursement.restart();
        Thread.sleep(2_000);
        LockedTable locked = lockAccumulatorsUnderLoad(chaos);
        Suite.accounts.kill();
        Suite.accounts.restart();
        Thread.sleep(2_000);
        chaos.stop();
        for (Thread worker : load) {
            worker.join();
        }

        Map<String, Long> left = ChaosLoad.settledStatuses();
        Map<String, Long> violations = ChaosLoad.invariants();
        System.out.println("chaos: answers " + new TreeMap<>(chaos.answers) + "; settlements by status " + left
                + "; invariant violations " + violations + "; while the table was locked " + locked);
        assertTrue(drained == 0 || drained == 143, "SIGTERM drained and exited by itself: " + drained);
        assertTrue(locked.settlementsBlocked(), "settlements met the lock: " + locked);
        assertEquals(List.of(), locked.probes().keySet().stream().filter(p -> !p.endsWith(" 200")).toList(),
                "readiness stayed UP and the institution was read throughout: " + locked);
        assertTrue(locked.slowestProbeMillis() < 1_000, "each probe answered within 1 s: " + locked);
        assertTrue(locked.slowestSettlementMillis() < 5_000, "a blocked settlement was answered within 5 s: " + locked);
        assertTrue(left.getOrDefault("COMPLETED", 0L) + left.getOrDefault("CANCELLED", 0L) > 20,
                "the load settled through the faults: " + left);
        assertTrue(violations.values().stream().allMatch(v -> v == 0), "money invariants: " + violations);
        assertFalse(chaos.anyServerError(), "never a 500, only 503s with Retry-After: " + chaos.answers);
    }

    /** What the table lock did: the probes' answers and the slowest answers while it was held. */
    record LockedTable(Map<String, Integer> probes, long slowestProbeMillis, long slowestSettlementMillis,
                       Map<String, Integer> settlementAnswers) {

        boolean settlementsBlocked() {
            return settlementAnswers.keySet().stream().anyMatch(a -> a.contains("DATABASE_BUSY"));
        }
    }

    /**
     * The accumulators locked for 20 s (a long migration, a stuck batch) while more tills than the pool
     * has connections settle, and a health check and a read that never touch the table are polled.
     */
    private static LockedTable lockAccumulatorsUnderLoad(ChaosLoad chaos) throws Exception {
        Map<String, Integer> before = counts(chaos);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(Suite.reimbursement.url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        HttpRequest institution = HttpRequest.newBuilder(URI.create(Suite.reimbursement.url()
                        + "/institutions/CHAOS-H3")).header("Authorization", "Bearer " + TestKeys.agency())
                .timeout(Duration.ofSeconds(5)).build();
        List<Thread> rush;
        Probes probes;
        try (AutoCloseable lock = ChaosLoad.lockTable("reimbursement.yearly_accumulator")) {
            chaos.timeFromNow();
            rush = chaos.start(12, Duration.ofSeconds(20));
            probes = new Probes(Map.of("ready", ready, "institution", institution), Duration.ofMillis(200));
            Thread.sleep(20_000);
            probes.close();
        }
        for (Thread worker : rush) {
            worker.join();
        }
        Map<String, Integer> during = counts(chaos);
        during.replaceAll((k, v) -> v - before.getOrDefault(k, 0));
        during.values().removeIf(v -> v == 0);
        return new LockedTable(probes.counts(), probes.slowestMillis.get(), chaos.slowestMillis.get(), during);
    }

    private static Map<String, Integer> counts(ChaosLoad chaos) {
        Map<String, Integer> counts = new TreeMap<>();
        chaos.answers.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }
}
