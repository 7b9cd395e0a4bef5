package cn.medins.reimbursement.visit;

import cn.medins.common.lock.HoldsWriterSlot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Every query of the visit table. */
@ApplicationScoped
public class VisitRepository {

    private static final String LIVE = "institutionCode = ?1 and visitId = ?2 and status <> ?3";

    /** The live visit of this id at the institution, else its latest withdrawn one. */
    Optional<Visit> find(String institutionCode, String visitId) {
        return Visit.<Visit>find("institutionCode = ?1 and visitId = ?2 order by case when status = ?3 then 1 else 0 end, id desc",
                institutionCode, visitId, VisitStatus.WITHDRAWN).firstResultOptional();
    }

    /** The live visit under its lock ({@code FOR UPDATE}), else its latest withdrawn one, unlocked. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Visit> lock(String institutionCode, String visitId) {
        Optional<Visit> live = Visit.<Visit>find(LIVE, institutionCode, visitId, VisitStatus.WITHDRAWN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        return live.isPresent() ? live : find(institutionCode, visitId);
    }

    /** The visit row under its lock, by its id. */
    @Transactional(Transactional.TxType.MANDATORY)
    Visit lock(long ref) {
        return Visit.findById(ref, LockModeType.PESSIMISTIC_WRITE);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void insert(Visit v) {
        v.persist();
        v.flush();
    }

    /** The live visit that a refused admission met, read in a transaction of its own (the refused one rolled back). */
    @HoldsWriterSlot
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<Visit> findLive(String institutionCode, String visitId) {
        return Visit.<Visit>find(LIVE, institutionCode, visitId, VisitStatus.WITHDRAWN).firstResultOptional();
    }
}
