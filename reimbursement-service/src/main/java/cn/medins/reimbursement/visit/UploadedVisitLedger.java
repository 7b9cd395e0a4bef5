package cn.medins.reimbursement.visit;

import cn.medins.reimbursement.calculation.ClassifiedBill;
import cn.medins.reimbursement.settlement.UploadedVisits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/** The visit's side of the settlement saga's transactions: its lines summed under its lock, its state kept in step. */
@ApplicationScoped
public class UploadedVisitLedger implements UploadedVisits {

    @Inject
    VisitRepository visits;

    @Inject
    FeeLineRepository lines;

    @Inject
    Clock clock;

    @Override
    public ClassifiedBill sums(long visitRef) {
        return lines.sums(visitRef);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public ClassifiedBill lockForSettlement(long visitRef, LocalDate dischargeDate) {
        Visit v = visits.lock(visitRef);
        switch (v.status) {
            case SETTLED -> throw VisitProblems.settled(v);
            case WITHDRAWN -> throw VisitProblems.withdrawn(v);
            case OPEN -> { }
        }
        if (v.inpatient() && !Objects.equals(v.dischargeDate, dischargeDate)) {
            throw VisitProblems.changed(v);
        }
        ClassifiedBill bill = lines.sums(visitRef);
        if (bill.lines() == 0) {
            throw VisitProblems.noLines(v);
        }
        return bill;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void settled(long visitRef, long settlementId) {
        Visit v = visits.lock(visitRef);
        v.status = VisitStatus.SETTLED;
        v.settlementId = settlementId;
        v.updatedAt = clock.instant();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void reopened(long visitRef, long settlementId) {
        Visit v = visits.lock(visitRef);
        if (v.status == VisitStatus.SETTLED && Objects.equals(v.settlementId, settlementId)) {
            v.status = VisitStatus.OPEN;
            v.updatedAt = clock.instant();
        }
    }
}
