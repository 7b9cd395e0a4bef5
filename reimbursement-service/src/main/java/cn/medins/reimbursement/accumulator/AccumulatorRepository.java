package cn.medins.reimbursement.accumulator;

import cn.medins.common.money.Money;
import cn.medins.reimbursement.calculation.Accumulators;
import cn.medins.reimbursement.calculation.AssistanceUse;
import cn.medins.reimbursement.calculation.ChronicUse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every query of the yearly accumulators ({@code yearly_accumulator}, {@code yearly_chronic_accumulator}):
 * created on first use, locked by whoever changes them.
 */
@ApplicationScoped
public class AccumulatorRepository {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

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
                .setParameter(1, personId).setParameter(2, year).setParameter(3, clock.instant()).executeUpdate();
        return em.find(YearlyAccumulator.class, key, LockModeType.PESSIMISTIC_WRITE);
    }

    /** What a settlement uses, added to the person's year (the caller holds the row's lock). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void take(YearlyAccumulator row, Usage s) {
        row.set(row.snapshot().plus(s.used()), clock.instant());
        row.setAssistance(row.assistance().plus(s.assistance()));
        if (s.diseaseCode() != null) {
            em.createNativeQuery("insert into {h-schema}yearly_chronic_accumulator as c (person_id, accumulator_year,"
                            + " disease_code, deductible_used, fund_paid) values (?1, ?2, ?3, ?4, ?5)"
                            + " on conflict (person_id, accumulator_year, disease_code) do update"
                            + " set deductible_used = c.deductible_used + excluded.deductible_used,"
                            + " fund_paid = c.fund_paid + excluded.fund_paid")
                    .setParameter(1, s.personId()).setParameter(2, s.year()).setParameter(3, s.diseaseCode())
                    .setParameter(4, s.chronic().deductibleUsed()).setParameter(5, s.chronic().fundPaid())
                    .executeUpdate();
        }
        if (s.month() != null) {
            em.createNativeQuery("insert into {h-schema}monthly_chronic_deductible as m (person_id, accumulator_year,"
                            + " disease_code, month, deductible_used) values (?1, ?2, ?3, ?4, ?5)"
                            + " on conflict (person_id, accumulator_year, disease_code, month) do update"
                            + " set deductible_used = m.deductible_used + excluded.deductible_used")
                    .setParameter(1, s.personId()).setParameter(2, s.year()).setParameter(3, s.diseaseCode())
                    .setParameter(4, s.month()).setParameter(5, s.chronic().deductibleUsed()).executeUpdate();
        }
    }

    /** What a settlement used, given back to the person's year exactly: a cancellation, a void, a rejection. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void giveBack(Usage s) {
        YearlyAccumulator row = lock(s.personId(), s.year());
        row.set(row.snapshot().minus(s.used()), clock.instant());
        row.setAssistance(row.assistance().minus(s.assistance()));
        if (s.diseaseCode() != null) {
            em.createNativeQuery("update {h-schema}yearly_chronic_accumulator set deductible_used = deductible_used - ?4,"
                            + " fund_paid = fund_paid - ?5 where person_id = ?1 and accumulator_year = ?2"
                            + " and disease_code = ?3")
                    .setParameter(1, s.personId()).setParameter(2, s.year()).setParameter(3, s.diseaseCode())
                    .setParameter(4, s.chronic().deductibleUsed()).setParameter(5, s.chronic().fundPaid())
                    .executeUpdate();
        }
        if (s.month() != null) {
            em.createNativeQuery("update {h-schema}monthly_chronic_deductible set deductible_used = deductible_used - ?5"
                            + " where person_id = ?1 and accumulator_year = ?2 and disease_code = ?3 and month = ?4")
                    .setParameter(1, s.personId()).setParameter(2, s.year()).setParameter(3, s.diseaseCode())
                    .setParameter(4, s.month()).setParameter(5, s.chronic().deductibleUsed()).executeUpdate();
        }
    }

    /**
     * The person's use of one disease's quotas: the year's; with a {@code month} (a deductible consumed
     * per month) the deductible that month has used, and the year's fund payments (the cap is yearly).
     */
    public ChronicUse chronic(long personId, int year, String diseaseCode, Integer month) {
        ChronicUse yearly = chronicYear(personId, year).getOrDefault(diseaseCode, ChronicUse.NONE);
        if (month == null) {
            return yearly;
        }
        @SuppressWarnings("unchecked")
        List<BigDecimal> used = em.createNativeQuery("select deductible_used from {h-schema}monthly_chronic_deductible"
                        + " where person_id = ?1 and accumulator_year = ?2 and disease_code = ?3 and month = ?4")
                .setParameter(1, personId).setParameter(2, year).setParameter(3, diseaseCode).setParameter(4, month)
                .getResultList();
        return new ChronicUse(used.isEmpty() ? Money.ZERO : Money.of(used.get(0)), yearly.fundPaid());
    }

    /** The person's use of every disease's quotas this year, by disease code. */
    public Map<String, ChronicUse> chronicYear(long personId, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select disease_code, deductible_used, fund_paid from"
                        + " {h-schema}yearly_chronic_accumulator where person_id = ?1 and accumulator_year = ?2"
                        + " order by disease_code")
                .setParameter(1, personId).setParameter(2, year).getResultList();
        Map<String, ChronicUse> byDisease = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byDisease.put((String) row[0], new ChronicUse(Money.of((BigDecimal) row[1]), Money.of((BigDecimal) row[2])));
        }
        return byDisease;
    }

    /** The person's use of medical assistance that year (医疗救助年度累计), unlocked. */
    public AssistanceUse assistance(long personId, int year) {
        YearlyAccumulator row = em.find(YearlyAccumulator.class, new YearlyAccumulator.Key(personId, year));
        return row == null ? AssistanceUse.NONE : row.assistance();
    }

    public Accumulators read(long personId, int year) {
        YearlyAccumulator row = em.find(YearlyAccumulator.class, new YearlyAccumulator.Key(personId, year));
        return row == null ? Accumulators.NONE : row.snapshot();
    }
}
