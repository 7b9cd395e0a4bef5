package cn.medins.reimbursement.clearing;

import cn.medins.common.money.Money;
import cn.medins.reimbursement.calculation.MedicalType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily reconciliation (对账): the institution's figures for a day against the agency's. The agency's
 * day is the settlements of the institution completed that day (the agency's time zone) and still
 * completed, claims excluded (they are paid to persons). Account paid is the person's own account
 * plus a family member's (家庭共济).
 */
@ApplicationScoped
public class ReconciliationService {

    @Inject
    ClearingRepository repository;

    @Inject
    ClearingCalendar calendar;

    /**
     * The five figures of a day (NHSA 3201), for all settlements or one medical type and insurance type,
     * and medical assistance's (医疗救助), which an institution may leave out (null: not compared).
     */
    public record Totals(long count, BigDecimal totalAmount, BigDecimal fundPaidTotal, BigDecimal accountPaid,
                         BigDecimal cashPaid, BigDecimal assistancePaid) {

        /** Each figure as a number: a count has no decimals, an amount two. */
        Map<String, BigDecimal> figures() {
            Map<String, BigDecimal> f = new LinkedHashMap<>();
            f.put("count", BigDecimal.valueOf(count));
            f.put("totalAmount", totalAmount);
            f.put("fundPaidTotal", fundPaidTotal);
            f.put("accountPaid", accountPaid);
            f.put("cashPaid", cashPaid);
            if (assistancePaid != null) {
                f.put("assistancePaid", assistancePaid);
            }
            return f;
        }
    }

    private static final Totals NONE = new Totals(0, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

    public record Difference(String figure, BigDecimal institution, BigDecimal agency) {
    }

    /** One settlement as either side has it (NHSA 3202). */
    public record Detail(long settlementId, BigDecimal totalAmount, BigDecimal fundPaidTotal) {
    }

    public record DetailDifference(long settlementId, String figure, BigDecimal institution, BigDecimal agency) {
    }

    public record DetailResult(List<Detail> missingAtAgency, List<Detail> missingAtInstitution,
                               List<DetailDifference> different) {
    }

    /**
     * The agency's figures of a period for one medical type, insurance type and insured region (清算经办机构);
     * {@code accountPaid} is all paid from personal accounts, {@code familyAccountPaid} the part of it paid from
     * family members' accounts (家庭共济), for a caller that counts the person's own account alone.
     */
    public record PeriodTotals(MedicalType medicalType, String insuranceType, String insuredRegion, long count,
                               BigDecimal totalAmount, BigDecimal fundPaidTotal, BigDecimal accountPaid,
                               BigDecimal cashPaid, BigDecimal assistancePaid, BigDecimal familyAccountPaid) {
    }

    /** One completed settlement of a period as the agency has it. */
    public record PeriodSettlement(long settlementId, String visitId, long personId, MedicalType medicalType,
                                   String insuranceType, String insuredRegion, BigDecimal totalAmount,
                                   BigDecimal fundPaidTotal, BigDecimal accountPaid, BigDecimal cashPaid,
                                   BigDecimal assistancePaid, java.time.Instant completedAt,
                                   BigDecimal familyAccountPaid) {
    }

    /** The period's figures, days {@code from} to {@code to} included (the agency's days), for each type and region. */
    public List<PeriodTotals> periodTotals(String institutionCode, LocalDate from, LocalDate to) {
        return repository.periodTotals(institutionCode, calendar.start(from), calendar.end(to)).stream()
                .map(r -> new PeriodTotals(MedicalType.valueOf((String) r[0]), (String) r[1], (String) r[2],
                        ((Number) r[3]).longValue(), (BigDecimal) r[4], (BigDecimal) r[5], (BigDecimal) r[6],
                        (BigDecimal) r[7], (BigDecimal) r[8], (BigDecimal) r[9]))
                .toList();
    }

    /** The period's settlements in id order, {@code limit} of them after {@code afterId}. */
    public List<PeriodSettlement> periodSettlements(String institutionCode, LocalDate from, LocalDate to, long afterId,
                                                    int limit) {
        return repository.periodSettlements(institutionCode, calendar.start(from), calendar.end(to), afterId, limit)
                .stream()
                .map(r -> new PeriodSettlement(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(),
                        MedicalType.valueOf((String) r[3]), (String) r[4], (String) r[5], (BigDecimal) r[6],
                        (BigDecimal) r[7], (BigDecimal) r[8], (BigDecimal) r[9], (BigDecimal) r[10],
                        instant(r[11]), (BigDecimal) r[12]))
                .toList();
    }

    /** A timestamptz as the driver gives it in a native query. */
    private static java.time.Instant instant(Object value) {
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** The agency's totals for the day, overall and by "medicalType/insuranceType". */
    public Map<String, Totals> agencyTotals(String institutionCode, LocalDate day) {
        List<Object[]> rows = repository.dayTotals(institutionCode, calendar.start(day), calendar.end(day));
        Map<String, Totals> byType = new LinkedHashMap<>();
        Totals all = NONE;
        for (Object[] r : rows) {
            Totals t = new Totals(((Number) r[2]).longValue(), (BigDecimal) r[3], (BigDecimal) r[4], (BigDecimal) r[5],
                    (BigDecimal) r[6], (BigDecimal) r[7]);
            byType.put(MedicalType.valueOf((String) r[0]).code() + "/" + r[1], t);
            all = new Totals(all.count + t.count, all.totalAmount.add(t.totalAmount),
                    all.fundPaidTotal.add(t.fundPaidTotal), all.accountPaid.add(t.accountPaid), all.cashPaid.add(t.cashPaid),
                    all.assistancePaid.add(t.assistancePaid));
        }
        Map<String, Totals> result = new LinkedHashMap<>();
        result.put("", all);
        result.putAll(byType);
        return result;
    }

    /** The figures that differ: overall, and for each type either side names. */
    public List<Difference> compare(Totals institution, Map<String, Totals> institutionByType,
                                    Map<String, Totals> agency) {
        List<Difference> differences = new ArrayList<>();
        differ("", institution, agency.get(""), differences);
        if (institutionByType != null) {
            java.util.Set<String> types = new java.util.TreeSet<>(institutionByType.keySet());
            agency.keySet().stream().filter(k -> !k.isEmpty()).forEach(types::add);
            for (String type : types) {
                differ(type + " ", institutionByType.getOrDefault(type, NONE), agency.getOrDefault(type, NONE),
                        differences);
            }
        }
        return differences;
    }

    private static void differ(String prefix, Totals institution, Totals agency, List<Difference> out) {
        Map<String, BigDecimal> theirs = institution.figures();
        Map<String, BigDecimal> ours = agency.figures();
        for (String figure : theirs.keySet()) {
            if (!same(theirs.get(figure), ours.get(figure))) {
                out.add(new Difference(prefix + figure, theirs.get(figure), ours.get(figure)));
            }
        }
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** Settlement by settlement (3202): what each side lacks and what differs. */
    public DetailResult details(String institutionCode, LocalDate day, List<Detail> theirs) {
        List<Object[]> rows = repository.dayDetails(institutionCode, calendar.start(day), calendar.end(day));
        Map<Long, Detail> ours = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            ours.put(id, new Detail(id, (BigDecimal) r[1], (BigDecimal) r[2]));
        }
        Map<Long, Detail> institution = new LinkedHashMap<>();
        theirs.forEach(d -> institution.put(d.settlementId(), d));
        List<Detail> missingAtAgency = institution.values().stream().filter(d -> !ours.containsKey(d.settlementId()))
                .toList();
        List<Detail> missingAtInstitution = ours.values().stream()
                .filter(d -> !institution.containsKey(d.settlementId())).toList();
        List<DetailDifference> different = new ArrayList<>();
        for (Detail d : institution.values()) {
            Detail o = ours.get(d.settlementId());
            if (o == null) {
                continue;
            }
            if (d.totalAmount().compareTo(o.totalAmount()) != 0) {
                different.add(new DetailDifference(d.settlementId(), "totalAmount", d.totalAmount(), o.totalAmount()));
            }
            if (d.fundPaidTotal().compareTo(o.fundPaidTotal()) != 0) {
                different.add(new DetailDifference(d.settlementId(), "fundPaidTotal", d.fundPaidTotal(),
                        o.fundPaidTotal()));
            }
        }
        return new DetailResult(missingAtAgency, missingAtInstitution, different);
    }
}
