package cn.medins.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        List<Thread> load = chaos.start(4, Duration.ofSeconds(40));
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
        Suite.accounts.kill();
        Suite.accounts.restart();
        for (Thread worker : load) {
            worker.join();
        }

        Map<String, Long> left = ChaosLoad.settledStatuses();
        Map<String, Long> violations = ChaosLoad.invariants();
        System.out.println("chaos: answers " + new TreeMap<>(chaos.answers) + "; settlements by status " + left
                + "; invariant violations " + violations);
        assertTrue(left.getOrDefault("COMPLETED", 0L) + left.getOrDefault("CANCELLED", 0L) > 20,
                "the load settled through the faults: " + left);
        assertTrue(violations.values().stream().allMatch(v -> v == 0), "money invariants: " + violations);
        assertFalse(chaos.anyServerError(), "never a 500, only 503s while something was down: " + chaos.answers);
    }
}
