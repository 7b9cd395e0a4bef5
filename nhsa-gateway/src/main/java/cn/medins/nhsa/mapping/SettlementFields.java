package cn.medins.nhsa.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A settlement of the suite as {@code setlinfo} and {@code setldetail} (结算信息, 结算基金分项). Identities:
 * {@code medfee_sumamt = fulamt_ownpay_amt + overlmt_selfpay + preselfpay_amt + inscp_scp_amt};
 * {@code fund_pay_sumamt = hifp_pay + hifmi_pay + hifob_pay + maf_pay} (the funds, medical assistance
 * among them as the national answer counts it); {@code psn_part_amt = acct_pay + acct_mulaid_pay +
 * psn_cash_pay} (the relative's account, 共济, apart from the person's own).
 */
public final class SettlementFields {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private SettlementFields() {
    }

    /** {@code {setlinfo, setldetail}} of a settlement; {@code person} is account-service's person (or null). */
    public static ObjectNode output(JsonNode s, JsonNode person, String msgid, ZoneId zone, boolean negate) {
        ObjectNode out = JSON.objectNode();
        out.set("setlinfo", setlinfo(s, person, msgid, zone, negate));
        out.set("setldetail", setldetail(s, negate));
        return out;
    }

    static ObjectNode setlinfo(JsonNode s, JsonNode person, String msgid, ZoneId zone, boolean negate) {
        boolean resident = "390".equals(s.path("insuranceType").asText());
        ObjectNode i = JSON.objectNode();
        i.put("mdtrt_id", s.path("visitId").asText());
        i.put("setl_id", s.path("settlementId").isNull() ? null : s.path("settlementId").asText());
        i.put("psn_no", s.path("personId").asText());
        i.put("psn_name", person == null ? null : person.path("name").asText(null));
        i.put("psn_cert_type", "01");
        i.put("certno", person == null ? null : person.path("idNumberMasked").asText(null));
        i.put("brdy", person == null ? null : person.path("birthDate").asText(null));
        i.put("insutype", s.path("insuranceType").asText());
        i.put("psn_type", person == null ? null : NationalCodes.psnType(person.path("personType").asText(null)));
        i.put("cvlserv_flag", "0");
        i.put("setl_time", time(s.path("completedAt").isNull() ? s.path("createdAt") : s.path("completedAt"), zone));
        i.put("med_type", s.path("medicalType").asText());
        i.put("medfee_sumamt", amount(s, "totalAmount", negate));
        i.put("fulamt_ownpay_amt", amount(s, "selfFundedAmount", negate));
        i.put("overlmt_selfpay", amount(s, "overLimitAmount", negate));
        i.put("preselfpay_amt", amount(s, "preSelfPayAmount", negate));
        i.put("inscp_scp_amt", amount(s, "eligibleAmount", negate));
        i.put("act_pay_dedc", amount(s, "deductibleApplied", negate));
        i.put("hifp_pay", amount(s, "poolFundPaid", negate));
        i.put("cvlserv_pay", zero());
        i.put("hifes_pay", zero());
        i.put("hifmi_pay", resident ? amount(s, "catastrophicPaid", negate) : zero());
        i.put("hifob_pay", resident ? zero() : amount(s, "catastrophicPaid", negate));
        i.put("maf_pay", amount(s, "assistancePaid", negate));
        i.put("oth_pay", zero());
        i.put("fund_pay_sumamt", sign(decimal(s, "fundPaidTotal").add(decimal(s, "assistancePaid")), negate));
        i.put("psn_part_amt", amount(s, "personalBurden", negate));
        i.put("acct_pay", amount(s, "accountPaid", negate));
        i.put("acct_mulaid_pay", amount(s, "familyAccountPaid", negate));
        i.put("psn_cash_pay", amount(s, "cashPaid", negate));
        i.put("hosp_part_amt", zero());
        i.put("balc", s.path("accountBalanceAfter").isNull() ? null : decimal(s, "accountBalanceAfter"));
        i.put("medins_setl_id", msgid);
        i.put("clr_optins", s.path("insuredRegion").asText());
        i.put("clr_type", s.path("medicalType").asText());
        i.put("year", s.path("year").asInt());
        return i;
    }

    /** One row per fund that the settlement involves; the trace goes in {@code setl_proc_info}. */
    static ArrayNode setldetail(JsonNode s, boolean negate) {
        boolean resident = "390".equals(s.path("insuranceType").asText());
        ArrayNode rows = JSON.arrayNode();
        String trace = java.util.stream.StreamSupport.stream(s.path("trace").spliterator(), false)
                .map(JsonNode::asText).collect(java.util.stream.Collectors.joining("\n"));
        rows.add(row(resident ? NationalCodes.RESIDENT_POOL : NationalCodes.EMPLOYEE_POOL,
                resident ? "城乡居民基本医疗保险统筹基金" : "职工基本医疗保险统筹基金", s, "poolFundPaid", "poolCapLeft", negate,
                trace));
        if (decimal(s, "catastrophicPaid").signum() != 0) {
            rows.add(row(resident ? NationalCodes.RESIDENT_CATASTROPHIC : NationalCodes.EMPLOYEE_LARGE_AMOUNT,
                    resident ? "城乡居民大病保险资金" : "职工大额医疗费用补助基金", s, "catastrophicPaid", "catastrophicCapLeft",
                    negate, null));
        }
        if (decimal(s, "assistancePaid").signum() != 0) {
            rows.add(row(NationalCodes.MEDICAL_ASSISTANCE, "医疗救助基金", s, "assistancePaid", null, negate, null));
        }
        return rows;
    }

    /**
     * {@code crt_payb_lmt_amt} 本次可支付限额: the yearly cap's rest before the settlement ({@code capLeft}), as it
     * was, not negated by a cancellation; null where no cap limited the fund (medical assistance among them).
     */
    private static ObjectNode row(String type, String name, JsonNode s, String field, String capLeft, boolean negate,
                                  String trace) {
        ObjectNode r = JSON.objectNode();
        r.put("fund_pay_type", type);
        r.put("fund_pay_type_name", name);
        r.put("inscp_scp_amt", amount(s, "eligibleAmount", negate));
        JsonNode left = capLeft == null ? null : s.get(capLeft);
        if (left == null || left.isNull()) {
            r.putNull("crt_payb_lmt_amt");
        } else {
            r.put("crt_payb_lmt_amt", decimal(s, capLeft));
        }
        r.put("fund_payamt", amount(s, field, negate));
        r.put("setl_proc_info", trace == null ? "" : trace.length() > 4000 ? trace.substring(0, 4000) : trace);
        return r;
    }

    private static BigDecimal amount(JsonNode s, String field, boolean negate) {
        return sign(decimal(s, field), negate);
    }

    private static BigDecimal sign(BigDecimal v, boolean negate) {
        return negate ? v.negate() : v;
    }

    static BigDecimal decimal(JsonNode s, String field) {
        JsonNode v = s.path(field);
        return (v.isMissingNode() || v.isNull() ? BigDecimal.ZERO : v.decimalValue()).setScale(2);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    private static String time(JsonNode instant, ZoneId zone) {
        return instant == null || instant.isNull() || instant.isMissingNode() ? null
                : TIME.format(Instant.parse(instant.asText()).atZone(zone));
    }
}
