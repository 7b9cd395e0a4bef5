package cn.medins.reimbursement.settlement;

import cn.medins.common.downstream.DownstreamUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * 撤销, as a saga like settling: transaction 1 claims the key and marks the settlement CANCELLING;
 * then the account refund (its key derived from the payment reference, an earlier refund counting as
 * done); then transaction 2 returns exactly the quotas the settlement used and marks it CANCELLED. If
 * account-service does not answer, the settlement stays CANCELLING (still holding its quotas) and
 * {@link SettlementRecovery} finishes it; a cancellation with another key resumes it at once.
 */
@ApplicationScoped
public class SettlementCancellation {

    @Inject
    SettlementLedger ledger;

    @Inject
    AccountPayment payments;

    public Settled cancel(long id, String key) {
        Settled started = ledger.startCancelling(id, key);
        if (started.replayed()) {
            return started;
        }
        try {
            payments.refund(started.settlement());
        } catch (DownstreamUnavailableException e) {
            throw SettlementProblems.refundUnconfirmed(id);
        }
        return Settled.now(ledger.finishCancelling(id, key));
    }
}
