package cn.medins.reimbursement.visit;

import cn.medins.reimbursement.calculation.Category;
import cn.medins.reimbursement.calculation.ClassifiedBill;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every query of the fee_line table. A batch is written with one statement (its lines as one JSON
 * parameter, {@code jsonb_to_recordset}), and a visit's sums come from one aggregate: neither a batch nor
 * a visit of 100,000 lines is ever held as entities.
 */
@ApplicationScoped
public class FeeLineRepository {

    /** How many unlisted item codes the sums name (for the trace; the amounts count every line). */
    static final int UNLISTED_NAMED = 20;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    /** A line to write, classified. */
    record NewLine(String lineNo, String itemCode, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount,
                   LocalDate feeDate, String category, BigDecimal selfFunded, BigDecimal overLimit,
                   BigDecimal preSelfPay, BigDecimal eligible, String source) {
    }

    /**
     * One index lookup per number, whatever the planner's statistics say: a list of 1,000 numbers given as
     * an IN list let it scan all the visit's lines and filter them, a batch growing slower with the visit
     * (docs/performance.md, visits).
     */
    private static final String BY_NUMBER = "select f.* from jsonb_array_elements_text(cast(?2 as jsonb)) as n(line_no)"
            + " cross join lateral (select * from {h-schema}fee_line l where l.visit_ref = ?1 and l.line_no = n.line_no) f";

    /** The visit's lines with these numbers, live or revoked, by number. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    Map<String, FeeLine> byNumber(long visitRef, Collection<String> lineNos) {
        Map<String, FeeLine> found = new HashMap<>();
        ((List<FeeLine>) em.createNativeQuery(BY_NUMBER, FeeLine.class).setParameter(1, visitRef)
                .setParameter(2, json(List.copyOf(lineNos))).getResultList()).forEach(l -> found.put(l.lineNo, l));
        return found;
    }

    /**
     * Writes new lines and replaces revoked ones of the same number, in one statement. The caller holds
     * the visit's lock and has refused any live line of these numbers with other content.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int write(long visitRef, List<NewLine> lines, Instant at) {
        if (lines.isEmpty()) {
            return 0;
        }
        em.flush();
        return em.createNativeQuery("insert into {h-schema}fee_line (visit_ref, line_no, item_code, quantity, unit_price,"
                        + " amount, fee_date, category, self_funded_amount, over_limit_amount, pre_self_pay_amount,"
                        + " eligible_amount, catalog_source, uploaded_at) select ?1, x.\"lineNo\", x.\"itemCode\","
                        + " x.quantity, x.\"unitPrice\", x.amount, x.\"feeDate\", x.category, x.\"selfFunded\","
                        + " x.\"overLimit\", x.\"preSelfPay\", x.eligible, x.source, ?2 from jsonb_to_recordset(cast(?3 as"
                        + " jsonb)) as x(\"lineNo\" text, \"itemCode\" text, quantity numeric, \"unitPrice\" numeric,"
                        + " amount numeric, \"feeDate\" date, category text, \"selfFunded\" numeric, \"overLimit\" numeric,"
                        + " \"preSelfPay\" numeric, eligible numeric, source text)"
                        + " on conflict (visit_ref, line_no) do update set item_code = excluded.item_code,"
                        + " quantity = excluded.quantity, unit_price = excluded.unit_price, amount = excluded.amount,"
                        + " fee_date = excluded.fee_date, category = excluded.category,"
                        + " self_funded_amount = excluded.self_funded_amount, over_limit_amount = excluded.over_limit_amount,"
                        + " pre_self_pay_amount = excluded.pre_self_pay_amount, eligible_amount = excluded.eligible_amount,"
                        + " catalog_source = excluded.catalog_source, uploaded_at = excluded.uploaded_at, revoked_at = null"
                        + " where fee_line.revoked_at is not null")
                .setParameter(1, visitRef).setParameter(2, at).setParameter(3, json(lines)).executeUpdate();
    }

    /** Revokes the visit's live lines with these numbers (all of them when null); how many were revoked. */
    @Transactional(Transactional.TxType.MANDATORY)
    int revoke(long visitRef, Collection<String> lineNos, Instant at) {
        em.flush();
        String which = lineNos == null ? "" : " and id in (select f.id from (" + BY_NUMBER.replace("?2", "?3") + ") f)";
        var query = em.createNativeQuery("update {h-schema}fee_line set revoked_at = ?2 where visit_ref = ?1"
                + " and revoked_at is null" + which).setParameter(1, visitRef).setParameter(2, at);
        if (lineNos != null) {
            query.setParameter(3, json(List.copyOf(lineNos)));
        }
        return query.executeUpdate();
    }

    /** The numbers among these that the visit has no line of, live or revoked. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<String> unknown(long visitRef, Collection<String> lineNos) {
        Map<String, FeeLine> known = byNumber(visitRef, lineNos);
        return lineNos.stream().filter(n -> !known.containsKey(n)).distinct().toList();
    }

    /** The sums of the visit's live lines by category, and the first unlisted item codes. */
    @SuppressWarnings("unchecked")
    ClassifiedBill sums(long visitRef) {
        List<Object[]> rows = em.createNativeQuery("select category, count(*), sum(amount), sum(self_funded_amount),"
                        + " sum(over_limit_amount), sum(pre_self_pay_amount), sum(eligible_amount) from {h-schema}fee_line"
                        + " where visit_ref = ?1 and revoked_at is null group by category order by category nulls last")
                .setParameter(1, visitRef).getResultList();
        List<ClassifiedBill.CategorySum> categories = rows.stream().map(r -> new ClassifiedBill.CategorySum(
                r[0] == null ? null : Category.valueOf((String) r[0]), ((Number) r[1]).longValue(), money(r[2]),
                money(r[3]), money(r[4]), money(r[5]), money(r[6]))).toList();
        boolean anyUnlisted = categories.stream().anyMatch(c -> c.category() == null);
        List<String> unlisted = !anyUnlisted ? List.of() : em.createNativeQuery("select distinct item_code from"
                        + " {h-schema}fee_line where visit_ref = ?1 and revoked_at is null and category is null"
                        + " order by item_code limit " + UNLISTED_NAMED).setParameter(1, visitRef).getResultList();
        return ClassifiedBill.of(categories, unlisted);
    }

    /** The latest fee date of the visit's live lines, or null when it has none. */
    LocalDate lastFeeDate(long visitRef) {
        return em.createQuery("select max(l.feeDate) from FeeLine l where l.visitRef = ?1 and l.revokedAt is null",
                LocalDate.class).setParameter(1, visitRef).getSingleResult();
    }

    /** The visit's lines in upload order after {@code afterId}, one more than the page to tell if there is a next. */
    List<FeeLine> page(long visitRef, Long afterId, int limit) {
        return FeeLine.<FeeLine>find("visitRef = ?1 and id > ?2 order by id", visitRef, afterId == null ? 0L : afterId)
                .page(0, limit + 1).list();
    }

    private static BigDecimal money(Object sum) {
        return ((BigDecimal) sum).setScale(2);
    }

    private String json(List<?> values) {
        try {
            return mapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
