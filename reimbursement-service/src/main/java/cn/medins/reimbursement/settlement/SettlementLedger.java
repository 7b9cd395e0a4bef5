package cn.medins.reimbursement.settlement;

import cn.medins.common.lock.HoldsWriterSlot;
import cn.medins.common.idempotency.Idempotency;
import cn.medins.common.money.Money;
import cn.medins.common.problem.ProblemException;
import cn.medins.reimbursement.accumulator.AccumulatorRepository;
import cn.medins.reimbursement.accumulator.YearlyAccumulator;
import cn.medins.reimbursement.calculation.ClassifiedBill;
import cn.medins.reimbursement.client.AccountGateway.Payment;
import cn.medins.reimbursement.client.AccountGateway.PaymentOutcome;
import cn.medins.reimbursement.client.AccountGateway.Refused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The saga's local transactions, each declared here (a bean of its own, because a call to
 * {@code this.reserve()} would bypass the interceptor): transaction 1 reserves the fund's part,
 * transaction 2 records the account step; a cancellation starts and finishes likewise; recovery
 * finishes or voids what was left.
 */
@ApplicationScoped
public class SettlementLedger {

    /**
     * The operations an Idempotency-Key is claimed for, named as the contract has always named them
     * (their paths), so that the keys stored before this naming stay valid.
     */
    static final String SETTLE = "/settlements";
    static final String CLAIM = "/reimbursement-claims";
    static final String SETTLE_VISIT = "/visits/settlement";

    static String cancel(long id) {
        return "/settlements/" + id + "/cancellation";
    }

    @Inject
    Idempotency idempotency;

    @Inject
    AccumulatorRepository accumulators;

    @Inject
    SettlementRepository settlements;

    @Inject
    SettlementFactory factory;

    @Inject
    InvoiceRegister invoices;

    @Inject
    SettlementMetrics metrics;

    @Inject
    UploadedVisits visits;

    @Inject
    Clock clock;

    /**
     * Transaction 1: claim the key, lock the person's year, compute against the locked accumulators,
     * store (PENDING while the account still has to pay; a claim SUBMITTED, holding its invoices).
     */
    @HoldsWriterSlot
    @Transactional(TxType.REQUIRES_NEW)
    Settled reserve(PreparedVisit p, String key) {
        String operation = p.visitRef() != null ? SETTLE_VISIT : p.claim() ? CLAIM : SETTLE;
        Optional<Idempotency.StoredAnswer> replay = idempotency.claim(operation, key, p.request());
        if (replay.isPresent()) {
            return Settled.again(replay.get());
        }
        SettlementRequest r = p.request();
        // the visit before the person's year: the lock order of every transaction that takes both
        ClassifiedBill bill = p.visitRef() == null ? null
                : SettlementProblems.expected(p, visits.lockForSettlement(p.visitRef(), r.dischargeDate()));
        YearlyAccumulator acc = accumulators.lock(r.personId(), p.year());
        Settlement s = factory.build(p, factory.calculate(p, acc.snapshot(),
                accumulators.chronic(r.personId(), p.year(), r.chronicDisease(), p.chronicMonth()), acc.assistance(),
                bill));
        s.idempotencyKey = key;
        if (p.claim()) {
            s.submit();
        } else {
            s.reserve(p.needsAccount(s));
        }
        settlements.insert(s);
        if (s.visitRef != null) {
            visits.settled(s.visitRef, s.id);
        }
        accumulators.take(acc, s.usage());
        if (p.claim()) {
            invoices.hold(s, r.invoiceNumbers());
        }
        if (s.status != SettlementStatus.PENDING) {
            idempotency.complete(key, 201, SettlementResponse.of(s));
        }
        return Settled.now(s);
    }

    /**
     * Transaction 2 of a settlement made now: completes the copy reserved by transaction 1 and stores
     * it with one conditional update; when recovery has already finished or voided the settlement,
     * its outcome is the answer.
     */
    @HoldsWriterSlot
    @Transactional(TxType.REQUIRES_NEW)
    Settlement completeReserved(Settlement s, PaymentOutcome outcome) {
        complete(s, outcome);
        if (!settlements.storeCompletion(s)) {
            return settlements.find(s.id).orElseThrow();
        }
        idempotency.complete(s.idempotencyKey, 201, SettlementResponse.of(s));
        return s;
    }

    /**
     * Transaction 2 of recovery: record what the account paid and complete, under the row's lock.
     *
     * @return false when the settlement was no longer PENDING (another replica, or the request, finished it)
     */
    @HoldsWriterSlot
    @Transactional(TxType.REQUIRES_NEW)
    boolean finish(long id, PaymentOutcome outcome) {
        Settlement s = settlements.lock(id);
        if (s.status != SettlementStatus.PENDING) {
            return false;
        }
        complete(s, outcome);
        if (s.idempotencyKey != null) {
            idempotency.complete(s.idempotencyKey, 201, SettlementResponse.of(s));
        }
        return true;
    }

    /** What the account step did, in the settlement: paid (own or family account) or refused; COMPLETED. */
    private void complete(Settlement s, PaymentOutcome outcome) {
        if (outcome instanceof Payment payment) {
            s.paidFromAccount(Money.of(payment.paidAmount()), Money.of(payment.balanceAfter()), payment.paymentId());
            s.note((s.familyPayerPersonId == null ? "personal account" : "family account of person "
                    + s.familyPayerPersonId + " (家庭共济)") + " paid " + payment.paidAmount() + " (balance after "
                    + payment.balanceAfter() + "); cash " + s.cashPaid);
        } else if (outcome instanceof Refused refused) {
            s.note("the account did not pay (" + refused.code() + ": " + refused.detail() + "); cash " + s.cashPaid);
        }
        s.complete(clock.instant());
    }

    /**
     * Voids a PENDING settlement whose account payment never happened: the quotas come back.
     *
     * @return false when the settlement was no longer PENDING: nothing was done
     */
    @HoldsWriterSlot
    @Transactional(TxType.REQUIRES_NEW)
    boolean voidPending(long id, String why) {
        Settlement s = settlements.lock(id);
        if (s.status != SettlementStatus.PENDING) {
            return false;
        }
        reopenVisit(s);
        accumulators.giveBack(s.usage());
        s.fail("voided: " + why + "; the yearly quotas it held were returned");
        metrics.count(s);
        if (s.idempotencyKey != null) {
            idempotency.release(s.idempotencyKey);
        }
        return true;
    }

    /** Transaction 1 of 撤销: claim the key and mark the settlement CANCELLING (an interrupted one resumes). */
    @HoldsWriterSlot
    @Transactional(TxType.REQUIRES_NEW)
    Settled startCancelling(long id, String key) {
        Optional<Idempotency.StoredAnswer> replay = idempotency.claim(cancel(id), key, List.of(id));
        if (replay.isPresent()) {
            return Settled.again(replay.get());
        }
        Settlement s = settlements.lock(id);
        if (s == null) {
            throw SettlementProblems.notFound("settlement", id);
        }
        ProblemException refusal = SettlementProblems.notCancellable(s);
        if (refusal != null) {
            throw refusal;
        }
        if (s.status == SettlementStatus.COMPLETED) {
            s.startCancelling(key);
        }
        return Settled.now(s);
    }

    /** Transaction 2 of 撤销: return the quotas, CANCELLED, complete the keys; the settlement as it now is. */
    @HoldsWriterSlot
    @Transactional(TxType.REQUIRES_NEW)
    Settlement finishCancelling(long id, String key) {
        Settlement s = settlements.lock(id);
        if (s.status == SettlementStatus.CANCELLING) {
            cancel(s, key);
        }
        return s;
    }

    /**
     * Recovery's transaction 2 of an interrupted 撤销.
     *
     * @return false when the settlement was no longer CANCELLING (another replica, or a retry, finished it)
     */
    @HoldsWriterSlot
    @Transactional(TxType.REQUIRES_NEW)
    boolean recoverCancelling(long id) {
        Settlement s = settlements.lock(id);
        if (s.status != SettlementStatus.CANCELLING) {
            return false;
        }
        cancel(s, null);
        return true;
    }

    /** A visit settled from its uploaded lines is OPEN again once its settlement is cancelled or voided. */
    private void reopenVisit(Settlement s) {
        if (s.visitRef != null) {
            visits.reopened(s.visitRef, s.id);
        }
    }

    private void cancel(Settlement s, String key) {
        reopenVisit(s);
        accumulators.giveBack(s.usage());
        invoices.release(s);
        s.cancel("cancelled (撤销): " + (s.accountPaymentId != null ? "account payment refunded, " : "")
                + "fund " + s.fundPaidTotal + (s.assistancePaid.signum() > 0 ? ", assistance " + s.assistancePaid : "")
                + " and the yearly quotas returned", clock.instant());
        metrics.count(s);
        SettlementResponse answer = SettlementResponse.of(s);
        idempotency.complete(s.cancellationKey, 200, answer);
        if (key != null && !key.equals(s.cancellationKey)) {
            idempotency.complete(key, 200, answer);
        }
    }
}
