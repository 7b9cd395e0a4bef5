package cn.medins.nhsa.transaction;

import static cn.medins.nhsa.envelope.Fields.node;
import static cn.medins.nhsa.envelope.Fields.text;

import cn.medins.nhsa.client.AccountClient;
import cn.medins.nhsa.client.ReimbursementClient;
import cn.medins.nhsa.client.Suite;
import cn.medins.nhsa.envelope.NhsaRefusal;
import cn.medins.nhsa.mapping.NationalCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * 1101 人员信息获取 (by 身份证, {@code mdtrt_cert_type} 02, or by {@code psn_no}) onto account-service's
 * person, eligibility, account and identities; 5206 人员累计信息查询 onto reimbursement-service's
 * accumulators.
 */
@ApplicationScoped
public class PersonTransactions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    @Inject
    @RestClient
    AccountClient accounts;

    @Inject
    @RestClient
    ReimbursementClient reimbursement;

    @Inject
    Clock clock;

    JsonNode personInfo(Call c) {
        ObjectNode d = node(c.input(), "data");
        JsonNode person = find(d);
        long id = person.path("personId").asLong();
        LocalDate today = LocalDate.now(clock);
        JsonNode eligibility = Suite.call("待遇查询", () -> accounts.eligibility(id, today.toString()));
        ObjectNode out = JSON.objectNode();
        ObjectNode base = out.putObject("baseinfo");
        base.put("psn_no", String.valueOf(id));
        base.put("psn_cert_type", "01");
        base.put("certno", person.path("idNumberMasked").asText(null));
        base.put("psn_name", person.path("name").asText(null));
        String birth = person.path("birthDate").asText(null);
        base.put("brdy", birth);
        base.put("age", birth == null ? null : Period.between(LocalDate.parse(birth), today).getYears());
        ArrayNode insu = out.putArray("insuinfo");
        ObjectNode i = insu.addObject();
        boolean employee = "310".equals(person.path("insuranceType").asText());
        i.put("insutype", person.path("insuranceType").asText());
        i.put("psn_type", NationalCodes.psnType(person.path("personType").asText(null)));
        i.put("balc", employee ? balance(id) : null);
        i.put("psn_insu_stas", NationalCodes.insuranceStatus(person.path("status").asText(null)));
        i.put("psn_insu_date", person.path("enrolledOn").asText(null));
        i.put("cvlserv_flag", "0");
        i.put("insuplc_admdvs", person.path("insuredRegion").asText(null));
        i.put("trt_enjymnt_flag", eligibility.path("eligible").asBoolean() ? "1" : "0");
        i.put("memo", eligibility.path("detail").asText(""));
        ArrayNode idet = out.putArray("idetinfo");
        eligibility.path("assistanceCategories").forEach(cat -> idet.addObject().put("psn_idet_type", cat.asText()));
        return out;
    }

    private JsonNode find(ObjectNode d) {
        String psnNo = text(d, "psn_no");
        if (psnNo != null && psnNo.chars().allMatch(Character::isDigit)) {
            return Suite.call("人员信息获取", () -> accounts.person(Long.parseLong(psnNo)));
        }
        String certType = text(d, "mdtrt_cert_type");
        String number = text(d, "mdtrt_cert_no") != null ? text(d, "mdtrt_cert_no") : text(d, "certno");
        if (number == null) {
            throw NhsaRefusal.field("input.data.mdtrt_cert_no", " 不能为空（就诊凭证类型 02 时为身份证号）");
        }
        if (certType != null && !"02".equals(certType)) {
            throw new NhsaRefusal("input.data.mdtrt_cert_type " + certType + " 暂不支持：请用 02（居民身份证）", "UNSUPPORTED");
        }
        return Suite.call("人员信息获取", () -> accounts.byIdNumber(number));
    }

    private java.math.BigDecimal balance(long id) {
        return Suite.call("个人账户查询", () -> accounts.account(id)).path("balance").decimalValue();
    }

    /**
     * 2001 人员待遇享受检查: whether the funds pay for the person on {@code begntime} (today when absent), as
     * account-service's eligibility says; {@code trt_enjymnt_flag} 1 or 0 with the reason in {@code trt_chk_rslt}.
     */
    JsonNode benefitCheck(Call c) {
        ObjectNode d = node(c.input(), "data");
        long id = cn.medins.nhsa.envelope.Fields.requiredId(d, "input.data.", "psn_no");
        LocalDate on = cn.medins.nhsa.envelope.Fields.date(d, "input.data.", "begntime");
        LocalDate date = on == null ? LocalDate.now(clock) : on;
        JsonNode e = Suite.call("待遇检查", () -> accounts.eligibility(id, date.toString()));
        ObjectNode out = JSON.objectNode();
        ObjectNode row = out.putArray("trtinfo").addObject();
        row.put("psn_no", String.valueOf(id));
        row.put("trt_chk_type", "1");
        row.put("fund_pay_type", "310".equals(e.path("insuranceType").asText()) ? NationalCodes.EMPLOYEE_POOL
                : NationalCodes.RESIDENT_POOL);
        row.put("trt_enjymnt_flag", e.path("eligible").asBoolean() ? "1" : "0");
        row.put("begndate", date.toString());
        row.put("enddate", date.toString());
        row.put("trt_chk_rslt", e.path("eligible").asBoolean() ? "" : e.path("reason").asText("") + "："
                + e.path("detail").asText(""));
        return out;
    }

    /** 5206: the person's year as {@code cuminfo} rows (cum_type_code as reimbursement-service names them). */
    JsonNode accumulators(Call c) {
        ObjectNode d = node(c.input(), "data");
        long id = cn.medins.nhsa.envelope.Fields.requiredId(d, "input.data.", "psn_no");
        String ym = text(d, "cum_ym");
        int year = ym != null && ym.length() >= 4 ? Integer.parseInt(ym.substring(0, 4)) : LocalDate.now(clock).getYear();
        JsonNode acc = Suite.call("人员累计信息查询", () -> reimbursement.accumulators(id, year));
        ObjectNode out = JSON.objectNode();
        ArrayNode rows = out.putArray("cuminfo");
        acc.fields().forEachRemaining(f -> {
            if (f.getValue().isNumber()) {
                ObjectNode r = rows.addObject();
                r.put("year", year);
                r.put("cum_ym", ym);
                r.put("cum_type_code", f.getKey());
                r.put("cum", f.getValue().decimalValue());
            }
        });
        return out;
    }
}
