package cn.medins.reimbursement.clearing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.medins.common.lock.HoldsWriterSlot;
import cn.medins.common.problem.ProblemException;
import cn.medins.reimbursement.reference.Institution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * {@code UPDATE ... WHERE status = COMPLETED AND statement_id IS NULL} ({@link ClearingRepository}): a cancellation running at
 * the same time either commits first (the settlement is not cleared) or waits for the clearing (it
 * is cleared, and its cancellation becomes an adjustment of the next statement), so every settlement
 * lands in exactly one statement, or once more in one adjustment.
 */
@ApplicationScoped
public class ClearingService {

    @Inject
    Clock clock;

    @Inject
    ClearingRepository repository;

    @Inject
    ClearingCalendar calendar;

    /** A statement with its lines by medical type and insurance type. */
    public record Cleared(ClearingStatement statement, List<Line> lines) {
    }

    @Schema(name = "StatementLine")
    public record Line(String medicalType, String insuranceType, int settlementCount, BigDecimal poolFundAmount,
                       BigDecimal catastrophicAmount, int adjustmentCount, BigDecimal adjustmentAmount,
                       BigDecimal assistanceAmount) {
    }

    @HoldsWriterSlot
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

    /** Institutions with something to clear or adjust for the month. */
    private List<String> toClear(YearMonth month) {
        return repository.institutionsToClear(calendar.start(month), calendar.end(month));
    }

    /** The statement row, or empty when the month is already closed for the institution. */
    private Optional<Long> open(String code, YearMonth month) {
        return repository.openStatement(code, month, clock.instant());
    }

    private Object existing(String code, YearMonth month) {
        return repository.statementOf(code, month);
    }

    /** Marks the month's settlements and the adjustments, then sums them: five statements. */
    private void fill(long id, String code, YearMonth month) {
        Instant end = calendar.end(month);
        repository.markCleared(id, code, calendar.start(month), end);
        repository.markAdjustments(id, code, end);
        repository.sumLines(id);
        repository.sumStatement(id);
    }

    public Cleared get(long id) {
        return new Cleared(find(id), lines(id));
    }

    private List<Line> lines(long id) {
        return repository.lines(id).stream().map(r -> new Line((String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                (BigDecimal) r[3], (BigDecimal) r[4], ((Number) r[5]).intValue(), (BigDecimal) r[6],
                (BigDecimal) r[7])).toList();
    }

    public List<Cleared> list(YearMonth month, String institutionCode) {
        return repository.statements(month, institutionCode).stream().map(s -> new Cleared(s, lines(s.id))).toList();
    }

    /** The institution agrees with its statement: DRAFT -> CONFIRMED. */
    @HoldsWriterSlot
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
    @HoldsWriterSlot
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
        return repository.statement(id).orElseThrow(() -> notFound(id));
    }

    private ClearingStatement lock(long id) {
        return repository.lockStatement(id).orElseThrow(() -> notFound(id));
    }

    static ProblemException notFound(long id) {
        return ProblemException.notFound("STATEMENT_NOT_FOUND", "No clearing statement " + id + ".");
    }
}
