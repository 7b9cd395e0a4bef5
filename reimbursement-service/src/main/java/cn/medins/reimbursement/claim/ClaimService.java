package cn.medins.reimbursement.claim;

import cn.medins.common.lock.HoldsWriterSlot;
import cn.medins.common.problem.ProblemException;
import cn.medins.reimbursement.accumulator.AccumulatorRepository;
import cn.medins.reimbursement.settlement.InvoiceRegister;
import cn.medins.reimbursement.settlement.Settled;
import cn.medins.reimbursement.settlement.Settlement;
import cn.medins.reimbursement.settlement.SettlementMetrics;
import cn.medins.reimbursement.settlement.SettlementProblems;
import cn.medins.reimbursement.settlement.SettlementRepository;
import cn.medins.reimbursement.settlement.SettlementRequest;
import cn.medins.reimbursement.settlement.SettlementService;
import cn.medins.reimbursement.settlement.SettlementStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * 手工报销: a claim is settled like a visit but stored SUBMITTED, holding its quotas and invoices,
 * until the agency approves it (COMPLETED, payable to the person) or rejects it (REJECTED, released).
 */
@ApplicationScoped
public class ClaimService {

    static final String CLAIM_NOT_SUBMITTED = "CLAIM_NOT_SUBMITTED";

    @Inject
    SettlementService settlements;

    @Inject
    SettlementRepository repository;

    @Inject
    AccumulatorRepository accumulators;

    @Inject
    InvoiceRegister invoices;

    @Inject
    SettlementMetrics metrics;

    @Inject
    Clock clock;

    /** Submits a claim for care paid in full (the settlement saga, as a claim). */
    public Settled submit(SettlementRequest request, String idempotencyKey) {
        return settlements.settle(request, idempotencyKey, true);
    }

    /** The agency's review of a claim: SUBMITTED -> COMPLETED, payable to the person. */
    @HoldsWriterSlot
    @Transactional
    public Settlement approve(long id) {
        Settlement s = submitted(id);
        s.approve(clock.instant());
        metrics.count(s);
        return s;
    }

    /** The agency's review of a claim: SUBMITTED -> REJECTED, the quotas and invoices released. */
    @HoldsWriterSlot
    @Transactional
    public Settlement reject(long id, String reason) {
        Settlement s = submitted(id);
        accumulators.giveBack(s.usage());
        invoices.release(s);
        s.reject(reason, clock.instant());
        metrics.count(s);
        return s;
    }

    private Settlement submitted(long id) {
        Settlement s = repository.lock(id);
        if (s == null) {
            throw SettlementProblems.notFound("claim", id);
        }
        if (s.status != SettlementStatus.SUBMITTED) {
            throw ProblemException.conflict(CLAIM_NOT_SUBMITTED, (s.status == SettlementStatus.REJECTED
                    || s.reviewedAt != null ? "Claim " + id + " was already reviewed: it is " : "Settlement " + id
                    + " is not a submitted claim: it is ") + s.status + ".");
        }
        return s;
    }
}
