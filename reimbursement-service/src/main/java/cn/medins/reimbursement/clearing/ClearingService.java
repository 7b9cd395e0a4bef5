package cn.medins.reimbursement.clearing;

import cn.medins.common.problem.ProblemException;
import cn.medins.reimbursement.reference.Institution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Monthly clearing (月度清算): closing a month for an institution is a handful of set-based statements,
 * whatever the number of settlements. The settlements are marked with the statement in one
 * {@code UPDATE ... WHERE status = 'COMPLETED' AND statement_id IS NULL}: a cancellation running at
 * the same time either commits first (the settlement is not cleared) or waits for the clearing (it
 * is cleared, and its cancellation becomes an adjustment of the next statement), so every settlement
 * lands in exactly one statement, or once more in one adjustment.
 */
@ApplicationScoped
public class ClearingService {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    ClearingCalendar calendar;

    /** A statement with its lines by medical type and insurance type. */
    public record Cleared(ClearingStatement statement, List<Line> lines) {
    }

    public record Line(String medicalType, String insuranceType, int settlementCount, BigDecimal poolFundAmount,
                       BigDecimal catastrophicAmount, int adjustmentCount, BigDecimal adjustmentAmount) {
    }

    @Transactional
    public List<Cleared> close(YearMonth month, String institutionCode) {
        if (!month.isBefore(calendar.currentMonth())) {
            throw ProblemException.rule("MONTH_NOT_OVER", month + " is not over yet (" + calendar.zone()
                    + "): a month is closed once it has ended.");
        }
        List<String> institutions = institutionCode != null ? List.of(requireInstitution(institutionCode))
                : toClear(month);
        List<Cleared> statements = new ArrayList<>();
        for (String code : institutions) {
            Optional<Long> id = open(code, month);
            if (id.isEmpty()) {
                if (institutionCode != null) {
                    throw ProblemException.conflict("MONTH_ALREADY_CLEARED", month + " was already closed for "
                            + code + " (statement " + existing(code, month) + ").");
                }
                continue;
            }
            fill(id.get(), code, month);
            statements.add(get(id.get()));
        }
        return statements;
    }

    private String requireInstitution(String code) {
        if (Institution.findById(code) == null) {
            throw ProblemException.rule("UNKNOWN_INSTITUTION", "No institution with code " + code + " is registered.");
        }
        return code;
    }

    /** Institutions with something to clear or adjust for the month and no statement for it yet. */
    @SuppressWarnings("unchecked")
    private List<String> toClear(YearMonth month) {
        return em.createNativeQuery("select distinct institution_code from {h-schema}settlement"
                        + " where (status = 'COMPLETED' and statement_id is null and completed_at >= ?1 and completed_at < ?2)"
                        + " or (status = 'CANCELLED' and statement_id is not null and adjustment_statement_id is null"
                        + " and cancelled_at < ?2) order by 1")
                .setParameter(1, calendar.start(month)).setParameter(2, calendar.end(month)).getResultList();
    }

    /** The statement row, or empty when the month is already closed for the institution. */
    @SuppressWarnings("unchecked")
    private Optional<Long> open(String code, YearMonth month) {
        List<Number> ids = em.createNativeQuery("insert into {h-schema}clearing_statement (institution_code,"
                        + " clearing_month, status, created_at) values (?1, ?2, 'DRAFT', ?3)"
                        + " on conflict (institution_code, clearing_month) do nothing returning id")
                .setParameter(1, code).setParameter(2, month.toString()).setParameter(3, clock.instant()).getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    private Object existing(String code, YearMonth month) {
        return em.createNativeQuery("select id from {h-schema}clearing_statement where institution_code = ?1"
                + " and clearing_month = ?2").setParameter(1, code).setParameter(2, month.toString()).getSingleResult();
    }

    /** Marks the month's settlements and the adjustments, then sums them: five statements. */
    private void fill(long id, String code, YearMonth month) {
        Instant start = calendar.start(month);
        Instant end = calendar.end(month);
        em.createNativeQuery("update {h-schema}settlement set statement_id = ?1 where institution_code = ?2"
                        + " and status = 'COMPLETED' and statement_id is null and completed_at >= ?3 and completed_at < ?4")
                .setParameter(1, id).setParameter(2, code).setParameter(3, start).setParameter(4, end).executeUpdate();
        em.createNativeQuery("update {h-schema}settlement set adjustment_statement_id = ?1 where institution_code = ?2"
                        + " and status = 'CANCELLED' and statement_id is not null and adjustment_statement_id is null"
                        + " and cancelled_at < ?3")
                .setParameter(1, id).setParameter(2, code).setParameter(3, end).executeUpdate();
        em.createNativeQuery("insert into {h-schema}clearing_line (statement_id, medical_type, insurance_type,"
                        + " settlement_count, pool_fund_amount, catastrophic_amount, adjustment_count, adjustment_amount)"
                        + " select ?1, medical_type, insurance_type,"
                        + " count(*) filter (where statement_id = ?1),"
                        + " coalesce(sum(pool_fund_paid) filter (where statement_id = ?1), 0),"
                        + " coalesce(sum(catastrophic_paid) filter (where statement_id = ?1), 0),"
                        + " count(*) filter (where adjustment_statement_id = ?1),"
                        + " coalesce(-sum(fund_paid_total) filter (where adjustment_statement_id = ?1), 0)"
                        + " from {h-schema}settlement where not claim and (statement_id = ?1 or adjustment_statement_id = ?1)"
                        + " group by medical_type, insurance_type")
                .setParameter(1, id).executeUpdate();
        em.createNativeQuery("update {h-schema}clearing_statement c set"
                        + " settlement_count = l.settlements, pool_fund_amount = l.pool, catastrophic_amount = l.catastrophic,"
                        + " adjustment_count = l.adjustments, adjustment_amount = l.adjustment,"
                        + " total_amount = l.pool + l.catastrophic + l.adjustment,"
                        + " claim_count = k.claims, claim_amount = k.amount"
                        + " from (select coalesce(sum(settlement_count), 0) settlements, coalesce(sum(pool_fund_amount), 0) pool,"
                        + " coalesce(sum(catastrophic_amount), 0) catastrophic, coalesce(sum(adjustment_count), 0) adjustments,"
                        + " coalesce(sum(adjustment_amount), 0) adjustment from {h-schema}clearing_line where statement_id = ?1) l,"
                        + " (select count(*) filter (where statement_id = ?1) claims,"
                        + " coalesce(sum(fund_paid_total) filter (where statement_id = ?1), 0)"
                        + " - coalesce(sum(fund_paid_total) filter (where adjustment_statement_id = ?1), 0) amount"
                        + " from {h-schema}settlement where claim and (statement_id = ?1 or adjustment_statement_id = ?1)) k"
                        + " where c.id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    public Cleared get(long id) {
        ClearingStatement s = ClearingStatement.findById(id);
        if (s == null) {
            throw notFound(id);
        }
        return new Cleared(s, lines(id));
    }

    @SuppressWarnings("unchecked")
    private List<Line> lines(long id) {
        List<Object[]> rows = em.createNativeQuery("select medical_type, insurance_type, settlement_count,"
                        + " pool_fund_amount, catastrophic_amount, adjustment_count, adjustment_amount"
                        + " from {h-schema}clearing_line where statement_id = ?1 order by medical_type, insurance_type")
                .setParameter(1, id).getResultList();
        return rows.stream().map(r -> new Line((String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                (BigDecimal) r[3], (BigDecimal) r[4], ((Number) r[5]).intValue(), (BigDecimal) r[6])).toList();
    }

    public List<Cleared> list(YearMonth month, String institutionCode) {
        StringBuilder query = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (month != null) {
            params.add(month.toString());
            query.append(" and month = ?").append(params.size());
        }
        if (institutionCode != null) {
            params.add(institutionCode);
            query.append(" and institutionCode = ?").append(params.size());
        }
        return ClearingStatement.<ClearingStatement>list(query + " order by month, institutionCode", params.toArray())
                .stream().map(s -> new Cleared(s, lines(s.id))).toList();
    }

    /** The institution agrees with its statement: DRAFT -> CONFIRMED. */
    @Transactional
    public Cleared confirm(long id) {
        ClearingStatement s = lock(id);
        if (s.status != ClearingStatement.Status.DRAFT) {
            throw ProblemException.conflict("STATEMENT_NOT_DRAFT", "Statement " + id + " is " + s.status
                    + ": only a DRAFT is confirmed.");
        }
        s.confirm(clock.instant());
        return new Cleared(s, lines(id));
    }

    /** The agency paid a confirmed statement: CONFIRMED -> PAID. */
    @Transactional
    public Cleared pay(long id, String paymentReference) {
        ClearingStatement s = lock(id);
        if (s.status != ClearingStatement.Status.CONFIRMED) {
            throw ProblemException.conflict("STATEMENT_NOT_CONFIRMED", "Statement " + id + " is " + s.status
                    + ": only a CONFIRMED statement is paid.");
        }
        s.paid(paymentReference, clock.instant());
        return new Cleared(s, lines(id));
    }

    public ClearingStatement find(long id) {
        ClearingStatement s = ClearingStatement.findById(id);
        if (s == null) {
            throw notFound(id);
        }
        return s;
    }

    private ClearingStatement lock(long id) {
        ClearingStatement s = ClearingStatement.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw notFound(id);
        }
        return s;
    }

    static ProblemException notFound(long id) {
        return ProblemException.notFound("STATEMENT_NOT_FOUND", "No clearing statement " + id + ".");
    }
}
