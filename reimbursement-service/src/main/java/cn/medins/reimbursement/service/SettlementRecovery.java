package cn.medins.reimbursement.service;

import cn.medins.reimbursement.client.AccountGateway;
import cn.medins.common.downstream.DownstreamUnavailableException;
import cn.medins.common.problem.ProblemException;
import cn.medins.reimbursement.domain.Settlement;
import cn.medins.reimbursement.domain.SettlementStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Finishes or voids settlements left PENDING (account-service silent, or a crash between the
 * reservation and the payment): asks account-service whether the payment for the settlement's
 * reference exists; if it does the settlement completes with it, if not it is voided and its quotas
 * returned. Runs only on settlements older than {@code reimbursement.recovery.pending-age}, longer
 * than any payment can still be in flight.
 */
@ApplicationScoped
public class SettlementRecovery {

    private static final Logger LOG = Logger.getLogger(SettlementRecovery.class);

    @Inject
    SettlementService settlements;

    @Inject
    AccountGateway accounts;

    @ConfigProperty(name = "reimbursement.recovery.pending-age")
    Duration pendingAge;

    @Scheduled(every = "${reimbursement.recovery.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recoverPending() {
        recover();
    }

    /** @return how many settlements were resolved (PENDING ones completed or voided, CANCELLING ones cancelled) */
    public int recover() {
        Instant before = Instant.now().minus(pendingAge);
        List<Settlement> stuck = QuarkusTransaction.requiringNew().call(() -> Settlement.<Settlement>find(
                "status in ?1 and createdAt < ?2 order by id", List.of(SettlementStatus.PENDING,
                        SettlementStatus.CANCELLING), before).page(0, 100).list());
        int resolved = 0;
        for (Settlement s : stuck) {
            try {
                if (s.status == SettlementStatus.PENDING) {
                    resolve(s.id);
                } else {
                    finishCancelling(s);
                }
                resolved++;
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
    private void finishCancelling(Settlement s) {
        settlements.refund(s);
        QuarkusTransaction.requiringNew().run(() -> settlements.finishCancelling(s.id, null));
        LOG.infof("Recovered settlement %d: the cancellation was finished, the refund made once", s.id);
    }

    private void resolve(long id) {
        Settlement s = QuarkusTransaction.requiringNew().call(() -> Settlement.<Settlement>findById(id));
        Optional<AccountGateway.Payment> payment = accounts.paymentFor(s.payerPersonId(), s.paymentReference)
                .filter(p -> !p.refunded());
        QuarkusTransaction.requiringNew().run(() -> {
            if (payment.isPresent()) {
                settlements.finish(id, payment.get());
                LOG.infof("Recovered settlement %d: the account payment %d was found, completed", id,
                        payment.get().paymentId());
            } else {
                settlements.voidPending(id, "no account payment was made for it");
                LOG.infof("Recovered settlement %d: no account payment, voided", id);
            }
        });
    }
}
