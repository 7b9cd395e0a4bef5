package cn.medins.reimbursement.service;

import cn.medins.reimbursement.domain.Accumulators;
import cn.medins.reimbursement.domain.YearlyAccumulator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** The yearly accumulators: created on first use, locked by whoever changes them. */
@ApplicationScoped
public class AccumulatorStore {

    @Inject
    EntityManager em;

    /**
     * Locks the person's row for the year ({@code FOR NO KEY UPDATE}), creating it first when it is
     * not there, without ever raising a unique violation: two settlements of one person queue here,
     * so they can never both use the last of a cap. The row exists after the year's first settlement,
     * so the common case is one statement.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public YearlyAccumulator lock(long personId, int year) {
        YearlyAccumulator.Key key = new YearlyAccumulator.Key(personId, year);
        YearlyAccumulator row = em.find(YearlyAccumulator.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (row != null) {
            return row;
        }
        em.createNativeQuery("insert into {h-schema}yearly_accumulator (person_id, accumulator_year, inpatient_fund_paid,"
                        + " outpatient_deductible_used, outpatient_fund_paid, catastrophic_burden, catastrophic_paid,"
                        + " admissions, updated_at) values (?1, ?2, 0, 0, 0, 0, 0, 0, ?3) on conflict do nothing")
                .setParameter(1, personId).setParameter(2, year).setParameter(3, Instant.now()).executeUpdate();
        return em.find(YearlyAccumulator.class, key, LockModeType.PESSIMISTIC_WRITE);
    }

    public Accumulators read(long personId, int year) {
        YearlyAccumulator row = em.find(YearlyAccumulator.class, new YearlyAccumulator.Key(personId, year));
        return row == null ? Accumulators.NONE : row.snapshot();
    }
}
