package cn.medins.reimbursement.clearing;

import cn.medins.reimbursement.settlement.SettlementMode;
import cn.medins.reimbursement.settlement.SettlementStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Every statement of reconciliation, clearing and the fund reports: the clearing tables
 * ({@code clearing_statement}, {@code clearing_line}) and the set-based reads and marks they make of
 * the settlements. Statuses and modes are parameters; periods are half-open {@code [start, end)}.
 */
@ApplicationScoped
@SuppressWarnings("unchecked")
public class ClearingRepository {

    private static final String COMPLETED = SettlementStatus.COMPLETED.name();
    private static final String CANCELLED = SettlementStatus.CANCELLED.name();

    @Inject
    EntityManager em;

    /** Institutions with something to clear or adjust for the period. */
    List<String> institutionsToClear(Instant start, Instant end) {
        return em.createNativeQuery("select distinct institution_code from {h-schema}settlement"
                        + " where (status = ?3 and statement_id is null and completed_at >= ?1 and completed_at < ?2)"
                        + " or (status = ?4 and statement_id is not null and adjustment_statement_id is null"
                        + " and cancelled_at < ?2) order by 1")
                .setParameter(1, start).setParameter(2, end).setParameter(3, COMPLETED).setParameter(4, CANCELLED)
                .getResultList();
    }

    /** A new DRAFT statement, or empty when the month is already closed for the institution. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Long> openStatement(String institutionCode, YearMonth month, Instant at) {
        List<Number> ids = em.createNativeQuery("insert into {h-schema}clearing_statement (institution_code,"
                        + " clearing_month, status, created_at) values (?1, ?2, ?3, ?4)"
                        + " on conflict (institution_code, clearing_month) do nothing returning id")
                .setParameter(1, institutionCode).setParameter(2, month.toString())
                .setParameter(3, ClearingStatement.Status.DRAFT.name()).setParameter(4, at).getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    /** The id of the institution's statement for the month. */
    Object statementOf(String institutionCode, YearMonth month) {
        return em.createNativeQuery("select id from {h-schema}clearing_statement where institution_code = ?1"
                        + " and clearing_month = ?2")
                .setParameter(1, institutionCode).setParameter(2, month.toString()).getSingleResult();
    }

    /** Marks the period's completed, not yet cleared settlements with the statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    void markCleared(long statementId, String institutionCode, Instant start, Instant end) {
        em.createNativeQuery("update {h-schema}settlement set statement_id = ?1 where institution_code = ?2"
                        + " and status = ?5 and statement_id is null and completed_at >= ?3 and completed_at < ?4")
                .setParameter(1, statementId).setParameter(2, institutionCode).setParameter(3, start)
                .setParameter(4, end).setParameter(5, COMPLETED).executeUpdate();
    }

    /** Marks the cleared settlements cancelled before {@code end} as this statement's adjustments. */
    @Transactional(Transactional.TxType.MANDATORY)
    void markAdjustments(long statementId, String institutionCode, Instant end) {
        em.createNativeQuery("update {h-schema}settlement set adjustment_statement_id = ?1 where institution_code = ?2"
                        + " and status = ?4 and statement_id is not null and adjustment_statement_id is null"
                        + " and cancelled_at < ?3")
                .setParameter(1, statementId).setParameter(2, institutionCode).setParameter(3, end)
                .setParameter(4, CANCELLED).executeUpdate();
    }

    /** The statement's lines by medical type and insurance type, claims apart: one INSERT ... SELECT. */
    @Transactional(Transactional.TxType.MANDATORY)
    void sumLines(long statementId) {
        em.createNativeQuery("insert into {h-schema}clearing_line (statement_id, medical_type, insurance_type,"
                        + " settlement_count, pool_fund_amount, catastrophic_amount, adjustment_count, adjustment_amount,"
                        + " assistance_amount)"
                        + " select ?1, medical_type, insurance_type,"
                        + " count(*) filter (where statement_id = ?1),"
                        + " coalesce(sum(pool_fund_paid) filter (where statement_id = ?1), 0),"
                        + " coalesce(sum(catastrophic_paid) filter (where statement_id = ?1), 0),"
                        + " count(*) filter (where adjustment_statement_id = ?1),"
                        + " coalesce(-sum(fund_paid_total) filter (where adjustment_statement_id = ?1), 0),"
                        + " coalesce(sum(assistance_paid) filter (where statement_id = ?1), 0)"
                        + " - coalesce(sum(assistance_paid) filter (where adjustment_statement_id = ?1), 0)"
                        + " from {h-schema}settlement where not claim and (statement_id = ?1 or adjustment_statement_id = ?1)"
                        + " group by medical_type, insurance_type")
                .setParameter(1, statementId).executeUpdate();
    }

    /** The statement's totals from its lines, and its claims. */
    @Transactional(Transactional.TxType.MANDATORY)
    void sumStatement(long statementId) {
        em.createNativeQuery("update {h-schema}clearing_statement c set"
                        + " settlement_count = l.settlements, pool_fund_amount = l.pool, catastrophic_amount = l.catastrophic,"
                        + " adjustment_count = l.adjustments, adjustment_amount = l.adjustment,"
                        + " total_amount = l.pool + l.catastrophic + l.adjustment,"
                        + " assistance_amount = l.assistance,"
                        + " claim_count = k.claims, claim_amount = k.amount, claim_assistance_amount = k.assistance"
                        + " from (select coalesce(sum(settlement_count), 0) settlements, coalesce(sum(pool_fund_amount), 0) pool,"
                        + " coalesce(sum(catastrophic_amount), 0) catastrophic, coalesce(sum(adjustment_count), 0) adjustments,"
                        + " coalesce(sum(adjustment_amount), 0) adjustment, coalesce(sum(assistance_amount), 0) assistance"
                        + " from {h-schema}clearing_line where statement_id = ?1) l,"
                        + " (select count(*) filter (where statement_id = ?1) claims,"
                        + " coalesce(sum(fund_paid_total) filter (where statement_id = ?1), 0)"
                        + " - coalesce(sum(fund_paid_total) filter (where adjustment_statement_id = ?1), 0) amount,"
                        + " coalesce(sum(assistance_paid) filter (where statement_id = ?1), 0)"
                        + " - coalesce(sum(assistance_paid) filter (where adjustment_statement_id = ?1), 0) assistance"
                        + " from {h-schema}settlement where claim and (statement_id = ?1 or adjustment_statement_id = ?1)) k"
                        + " where c.id = ?1")
                .setParameter(1, statementId).executeUpdate();
    }

    /** medical_type, insurance_type, settlement_count, pool, catastrophic, adjustment_count, adjustment, assistance. */
    List<Object[]> lines(long statementId) {
        return em.createNativeQuery("select medical_type, insurance_type, settlement_count,"
                        + " pool_fund_amount, catastrophic_amount, adjustment_count, adjustment_amount, assistance_amount"
                        + " from {h-schema}clearing_line where statement_id = ?1 order by medical_type, insurance_type")
                .setParameter(1, statementId).getResultList();
    }

    Optional<ClearingStatement> statement(long id) {
        return ClearingStatement.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Optional<ClearingStatement> lockStatement(long id) {
        return ClearingStatement.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Statements of a month and/or an institution (either may be null), by month and institution. */
    List<ClearingStatement> statements(YearMonth month, String institutionCode) {
        String query = (month == null ? "" : "month = :month") + (month != null && institutionCode != null ? " and " : "")
                + (institutionCode == null ? "" : "institutionCode = :institution");
        var parameters = new java.util.HashMap<String, Object>();
        if (month != null) {
            parameters.put("month", month.toString());
        }
        if (institutionCode != null) {
            parameters.put("institution", institutionCode);
        }
        return ClearingStatement.list((query.isEmpty() ? "1 = 1" : query) + " order by month, institutionCode",
                parameters);
    }

    /** 3201: medical_type, insurance_type, count, total, fund, accounts, cash, assistance of the day's completed settlements. */
    List<Object[]> dayTotals(String institutionCode, Instant start, Instant end) {
        return em.createNativeQuery("select medical_type, insurance_type, count(*), sum(total_amount),"
                        + " sum(fund_paid_total), sum(account_paid + family_account_paid), sum(cash_paid), sum(assistance_paid),"
                        + " sum(family_account_paid) from {h-schema}settlement where institution_code = ?1 and status = ?4"
                        + " and not claim and completed_at >= ?2 and completed_at < ?3 group by medical_type, insurance_type")
                .setParameter(1, institutionCode).setParameter(2, start).setParameter(3, end)
                .setParameter(4, COMPLETED).getResultList();
    }

    /** 3202: id, total, fund of each of the day's completed settlements. */
    List<Object[]> dayDetails(String institutionCode, Instant start, Instant end) {
        return em.createNativeQuery("select id, total_amount, fund_paid_total from {h-schema}settlement"
                        + " where institution_code = ?1 and status = ?4 and not claim"
                        + " and completed_at >= ?2 and completed_at < ?3 order by id")
                .setParameter(1, institutionCode).setParameter(2, start).setParameter(3, end)
                .setParameter(4, COMPLETED).getResultList();
    }

    /** The agency's side of a period (3201 in national terms): completed settlements by type and insured region. */
    List<Object[]> periodTotals(String institutionCode, Instant start, Instant end) {
        return em.createNativeQuery("select medical_type, insurance_type, insured_region, count(*), sum(total_amount),"
                        + " sum(fund_paid_total), sum(account_paid + family_account_paid), sum(cash_paid), sum(assistance_paid),"
                        + " sum(family_account_paid) from {h-schema}settlement where institution_code = ?1 and status = ?4"
                        + " and not claim and completed_at >= ?2 and completed_at < ?3 group by medical_type, insurance_type, insured_region"
                        + " order by medical_type, insurance_type, insured_region")
                .setParameter(1, institutionCode).setParameter(2, start).setParameter(3, end)
                .setParameter(4, COMPLETED).getResultList();
    }

    /** The agency's settlements of a period (3202 in national terms), a page of them after {@code afterId}. */
    List<Object[]> periodSettlements(String institutionCode, Instant start, Instant end, long afterId, int limit) {
        return em.createNativeQuery("select id, visit_id, person_id, medical_type, insurance_type, insured_region,"
                        + " total_amount, fund_paid_total, account_paid + family_account_paid, cash_paid, assistance_paid,"
                        + " completed_at, family_account_paid from {h-schema}settlement where institution_code = ?1 and status = ?4 and not claim"
                        + " and completed_at >= ?2 and completed_at < ?3 and id > ?5 order by id limit ?6")
                .setParameter(1, institutionCode).setParameter(2, start).setParameter(3, end)
                .setParameter(4, COMPLETED).setParameter(5, afterId).setParameter(6, limit).getResultList();
    }

    /** Fund report rows of persons insured in regions starting with {@code regionPrefix}. */
    List<Object[]> fundRows(String regionPrefix, Instant start, Instant end) {
        return em.createNativeQuery("select medical_type, insurance_type, count(*), sum(total_amount),"
                        + " sum(pool_fund_paid), sum(catastrophic_paid), sum(account_paid + family_account_paid),"
                        + " sum(cash_paid), sum(assistance_paid) from {h-schema}settlement where status = ?4"
                        + " and insured_region like ?1 and completed_at >= ?2 and completed_at < ?3"
                        + " group by medical_type, insurance_type")
                .setParameter(1, regionPrefix + "%").setParameter(2, start).setParameter(3, end)
                .setParameter(4, COMPLETED).getResultList();
    }

    /** Direct remote settlements by (insured province, destination province): count and fund. */
    List<Object[]> remotePairs(Instant start, Instant end) {
        return em.createNativeQuery("select substr(s.insured_region, 1, 2) || '0000',"
                        + " substr(i.region, 1, 2) || '0000', count(*), sum(s.fund_paid_total)"
                        + " from {h-schema}settlement s join {h-schema}institution i on i.code = s.institution_code"
                        + " where s.status = ?3 and s.mode in (?4, ?5) and not s.claim"
                        + " and substr(s.insured_region, 1, 2) <> substr(i.region, 1, 2)"
                        + " and s.completed_at >= ?1 and s.completed_at < ?2 group by 1, 2 order by 1, 2")
                .setParameter(1, start).setParameter(2, end).setParameter(3, COMPLETED)
                .setParameter(4, SettlementMode.REMOTE_FILED.name()).setParameter(5, SettlementMode.REMOTE_EXEMPT.name())
                .getResultList();
    }
}
