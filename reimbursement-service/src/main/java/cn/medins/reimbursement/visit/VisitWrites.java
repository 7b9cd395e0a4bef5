package cn.medins.reimbursement.visit;

import cn.medins.common.lock.HoldsWriterSlot;
import cn.medins.reimbursement.settlement.AdmissionCover;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * The admission's insert in a transaction of its own (a bean of its own: {@code this.insert()} would
 * bypass the interceptor), so that a refusal by the unique index rolls back only it.
 */
@ApplicationScoped
public class VisitWrites {

    @Inject
    VisitRepository visits;

    @Inject
    Clock clock;

    @HoldsWriterSlot
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Visit insert(AdmissionRequest r, AdmissionCover cover, String snapshot) {
        Visit v = VisitService.newVisit(r, cover, snapshot, clock.instant());
        visits.insert(v);
        return v;
    }
}
