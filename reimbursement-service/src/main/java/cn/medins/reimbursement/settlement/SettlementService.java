package cn.medins.reimbursement.settlement;

import cn.medins.common.downstream.DownstreamUnavailableException;
import cn.medins.common.problem.UniqueKey;
import cn.medins.reimbursement.accumulator.AccumulatorRepository;
import cn.medins.reimbursement.client.AccountGateway.Payment;
import cn.medins.reimbursement.client.AccountGateway.PaymentOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Settlement (结算) as a small saga. {@link SettlementAdmission} reads first (institution, the
 * person's eligibility on account-service, policy, catalog); then {@link SettlementLedger} reserves
 * the fund's part in one transaction (accumulators locked and updated, settlement stored, PENDING
 * when the account still has to pay); then {@link AccountPayment} pays on account-service, with a key
 * and reference derived from the settlement so that no retry can pay twice; then a second transaction
 * completes it. A settlement left PENDING (account-service silent, or a crash) is finished or voided
 * by {@link SettlementRecovery}.
 */
@ApplicationScoped
public class SettlementService {

    @Inject
    SettlementAdmission admission;

    @Inject
    SettlementFactory factory;

    @Inject
    SettlementLedger ledger;

    @Inject
    AccountPayment payments;

    @Inject
    AccumulatorRepository accumulators;

    @Inject
    SettlementRepository settlements;

    @Inject
    SettlementMetrics metrics;

    @Inject
    VisitAdmission visitAdmission;

    @Inject
    UploadedVisits uploaded;

    /** Computes without effect (预结算). */
    public Settlement preview(SettlementRequest request) {
        return preview(admission.prepare(request, false), null);
    }

    /** Computes a visit's uploaded lines without effect (预结算), as if discharged today when it is not yet. */
    public Settlement previewVisit(AdmittedVisit visit, VisitSettlementRequest body) {
        PreparedVisit p = visitAdmission.prepare(visit, body, true);
        return preview(p, SettlementProblems.expected(p, uploaded.sums(visit.ref())));
    }

    private Settlement preview(PreparedVisit p, cn.medins.reimbursement.calculation.ClassifiedBill bill) {
        long person = p.request().personId();
        Settlement s = factory.build(p, factory.calculate(p, accumulators.read(person, p.year()),
                accumulators.chronic(person, p.year(), p.request().chronicDisease(), p.chronicMonth()),
                accumulators.assistance(person, p.year()), bill));
        if (p.needsAccount(s)) {
            payments.estimate(s);
        }
        return s;
    }

    /**
     * Settles (结算) once per (institution, visit). A claim (手工报销) is the same for care paid in
     * full where it could not be settled directly.
     */
    public Settled settle(SettlementRequest request, String idempotencyKey, boolean claim) {
        return settle(admission.prepare(request, claim), idempotencyKey);
    }

    /** Settles a visit's uploaded fee lines (结算), with the cover stored at its admission. */
    public Settled settleVisit(AdmittedVisit visit, VisitSettlementRequest body, String idempotencyKey) {
        return settle(visitAdmission.prepare(visit, body, false), idempotencyKey);
    }

    private Settled settle(PreparedVisit p, String idempotencyKey) {
        Settled reserved = reserve(p, idempotencyKey);
        if (reserved.replayed()) {
            return reserved;
        }
        Settlement s = reserved.settlement();
        if (s.status == SettlementStatus.PENDING) {
            s = payFromAccount(s);
        }
        metrics.count(s);
        return Settled.now(s);
    }

    /**
     * A visit settles once: the insert of a second live settlement of it fails on the unique index
     * {@value Settlement#ONCE_PER_VISIT} (a concurrent one waits for the first's transaction), at the
     * insert or at commit, and is answered 409 naming the live settlement, read after the rollback.
     * Any other failure stays as it is.
     */
    private Settled reserve(PreparedVisit p, String key) {
        try {
            return ledger.reserve(p, key);
        } catch (RuntimeException e) {
            if (!UniqueKey.violated(e, Settlement.ONCE_PER_VISIT)) {
                throw e;
            }
            SettlementRequest r = p.request();
            String which = settlements.findLive(r.institutionCode(), r.visitId())
                    .map(s -> "settlement " + s.id + " (" + s.status + ")").orElse("another settlement");
            throw SettlementProblems.alreadySettled(r, which);
        }
    }

    /** The remote step: pay the burden from the account, then complete in transaction 2. */
    private Settlement payFromAccount(Settlement s) {
        PaymentOutcome outcome;
        try {
            outcome = payments.pay(s);
        } catch (DownstreamUnavailableException e) {
            metrics.count(s);
            throw SettlementProblems.paymentUnconfirmed(s.id);
        }
        Settlement done = ledger.completeReserved(s, outcome);
        if (done.status == SettlementStatus.FAILED && outcome instanceof Payment paid) {
            // recovery voided it while this payment was still under way: the money goes back
            payments.refundLate(done, paid.paymentId());
        }
        return done;
    }

    public Settlement get(long id) {
        return settlements.find(id).orElseThrow(() -> SettlementProblems.notFound("settlement", id));
    }

    public List<Settlement> list(long personId, Integer year, Long before, int limit) {
        return settlements.forPerson(personId, year, before, limit);
    }
}
