package cn.medins.reimbursement.settlement;

import cn.medins.common.downstream.DownstreamUnavailableException;
import cn.medins.common.problem.ProblemException;
import cn.medins.reimbursement.client.AccountGateway;
import cn.medins.reimbursement.config.ReimbursementConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Finishes or voids settlements left PENDING (account-service silent, or a crash between the
 * reservation and the payment): asks account-service whether the payment for the settlement's
 * reference exists; if it does the settlement completes with it, if not it is voided and its quotas
 * returned. Finishes cancellations left CANCELLING the same way. Runs only on settlements older than
 * {@code reimbursement.recovery.pending-age}, longer than any payment can still be in flight.
 */
@ApplicationScoped
public class SettlementRecovery {

    private static final Logger LOG = Logger.getLogger(SettlementRecovery.class);
    private static final int BATCH = 100;

    @Inject
    SettlementRepository settlements;

    @Inject
    SettlementLedger ledger;

    @Inject
    AccountPayment payments;

    @Inject
    ReimbursementConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${reimbursement.recovery.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recoverPending() {
        recover();
    }

    /**
     * @return how many settlements this call resolved (PENDING ones completed or voided, CANCELLING ones
     *         cancelled); one another replica finished meanwhile is not counted, nor logged
     */
    public int recover() {
        Instant before = clock.instant().minus(config.recovery().pendingAge());
        List<Settlement> stuck = settlements.unfinished(before, BATCH);
        int resolved = 0;
        for (Settlement s : stuck) {
            try {
                if (s.status == SettlementStatus.PENDING ? resolve(s) : finishCancelling(s)) {
                    resolved++;
                }
            } catch (DownstreamUnavailableException e) {
                LOG.warnf("Recovery paused: account-service did not answer (%s); %d settlements still to finish",
                        e.getMessage(), stuck.size() - resolved);
                break;
            } catch (ProblemException e) {
                LOG.errorf("Recovery could not finish settlement %d: %s %s", s.id, e.code(), e.getMessage());
            }
        }
        return resolved;
    }

    /** A cancellation interrupted after it was recorded: refund (once) and finish it. */
    private boolean finishCancelling(Settlement s) {
        payments.refund(s);
        if (!ledger.recoverCancelling(s.id)) {
            return false;
        }
        LOG.infof("Recovered settlement %d: the cancellation was finished, the refund made once", s.id);
        return true;
    }

    /** A PENDING settlement: completed with the payment made for it, else voided (the ledger locks and re-checks). */
    private boolean resolve(Settlement s) {
        Optional<AccountGateway.Payment> payment = payments.madeFor(s);
        if (payment.isPresent()) {
            if (!ledger.finish(s.id, payment.get())) {
                return false;
            }
            LOG.infof("Recovered settlement %d: the account payment %d was found, completed", s.id,
                    payment.get().paymentId());
        } else {
            if (!ledger.voidPending(s.id, "no account payment was made for it")) {
                return false;
            }
            LOG.infof("Recovered settlement %d: no account payment, voided", s.id);
        }
        return true;
    }
}
