package cn.medins.nhsa.transaction;

import static cn.medins.nhsa.envelope.Fields.requiredDate;
import static cn.medins.nhsa.envelope.Fields.requiredDecimal;
import static cn.medins.nhsa.envelope.Fields.text;

import cn.medins.nhsa.envelope.NhsaRefusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** What 3201 and 3202 share: the period, the region, the count asked for, and amounts compared in national terms. */
final class ReconciliationTerms {

    static final String DATA = "input.data.";
    /** The longest period the agency compares at once (GET /reconciliations/agency-totals). */
    static final int MAX_DAYS = 92;

    private ReconciliationTerms() {
    }

    /** The period asked for, both days included. */
    record Period(LocalDate begin, LocalDate end) {
    }

    /** setl_optins, or Guangzhou's clr_optins: the insured region compared; none compares all. */
    static String optins(ObjectNode d) {
        String region = text(d, "setl_optins");
        return region != null ? region : text(d, "clr_optins");
    }

    static Period period(ObjectNode d) {
        LocalDate begin = requiredDate(d, DATA, "stmt_begndate");
        LocalDate end = requiredDate(d, DATA, "stmt_enddate");
        if (end.isBefore(begin) || end.isAfter(begin.plusDays(MAX_DAYS - 1))) {
            throw NhsaRefusal.field(DATA + "stmt_enddate", " 应在 stmt_begndate " + begin + " 当日至其后 " + MAX_DAYS
                    + " 日内，收到 " + end);
        }
        return new Period(begin, end);
    }

    static long count(ObjectNode d) {
        BigDecimal n = requiredDecimal(d, DATA, "fixmedins_setl_cnt");
        if (n.signum() < 0 || n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(100_000_000)) > 0) {
            throw NhsaRefusal.field(DATA + "fixmedins_setl_cnt", " 应为非负整数，收到 " + n.toPlainString());
        }
        return n.longValueExact();
    }

    static void differ(List<String> differences, String what, BigDecimal hospital, BigDecimal agency) {
        if (hospital.compareTo(agency) != 0) {
            differences.add(what + "：医院 " + plain(hospital) + "，中心 " + plain(agency));
        }
    }

    /** An amount of the suite's answer; absent (an older reimbursement-service) is none. */
    static BigDecimal money(JsonNode row, String field) {
        return row.path(field).decimalValue().setScale(2, RoundingMode.HALF_UP);
    }

    /** An amount to the cent, as the national files write it. */
    static String plain(BigDecimal d) {
        return d.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
