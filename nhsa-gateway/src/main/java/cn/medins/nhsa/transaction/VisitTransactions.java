package cn.medins.nhsa.transaction;

import static cn.medins.nhsa.envelope.Fields.list;
import static cn.medins.nhsa.envelope.Fields.node;
import static cn.medins.nhsa.envelope.Fields.requiredDate;
import static cn.medins.nhsa.envelope.Fields.requiredDecimal;
import static cn.medins.nhsa.envelope.Fields.requiredId;
import static cn.medins.nhsa.envelope.Fields.requiredText;
import static cn.medins.nhsa.envelope.Fields.text;

import cn.medins.nhsa.client.ReimbursementClient;
import cn.medins.nhsa.client.Suite;
import cn.medins.nhsa.envelope.Fields;
import cn.medins.nhsa.envelope.NhsaRefusal;
import cn.medins.nhsa.mapping.NationalCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The visit's life in national terms, each onto reimbursement-service's visits: 2401 入院办理 and 2201 挂号
 * (POST /visits; {@code mdtrt_id} is the visit id: the HIS's 住院/门诊号 when sent, else its msgid), 2402 出院,
 * 2404 入院撤销 and 2202 挂号撤销 (withdrawal), 2301/2204 明细上传 (fee lines, in batches of 1,000) and
 * 2302/2205 明细撤销.
 */
@ApplicationScoped
public class VisitTransactions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);
    private static final int BATCH = 1000;

    @Inject
    @RestClient
    ReimbursementClient reimbursement;

    /** 2401 (inpatient, node mdtrtinfo) and 2201 (outpatient, node data): the admission. */
    JsonNode admit(Call c, boolean inpatient) {
        ObjectNode m = node(c.input(), "mdtrtinfo", "data");
        String path = "input." + (inpatient ? "mdtrtinfo." : "data.");
        long person = requiredId(m, path, "psn_no");
        String visitId = text(m, "ipt_no") != null ? text(m, "ipt_no") : text(m, "ipt_otp_no") != null
                ? text(m, "ipt_otp_no") : c.envelope.msgid();
        String medType = inpatient ? (text(m, "med_type") == null ? "21" : text(m, "med_type"))
                : (text(m, "med_type") == null ? "11" : text(m, "med_type"));
        LocalDate begin = requiredDate(m, path, "begntime");
        Map<String, Object> body = new HashMap<>(Map.of("institutionCode", c.institution(), "visitId", visitId,
                "personId", person, "medicalType", medType, inpatient ? "admissionDate" : "serviceDate", begin));
        List<ObjectNode> diseases = list(c.input(), "diseinfo");
        String disease = text(m, "dise_codg") != null ? text(m, "dise_codg")
                : diseases.isEmpty() ? null : text(diseases.get(0), "diag_code");
        if ("14".equals(medType) && disease != null) {
            body.put("diseaseCode", disease);
        }
        try {
            Suite.call("入院办理", () -> reimbursement.admit(body));
        } catch (NhsaRefusal r) {
            // the same admission again (a lost answer): answered as made if it is this person's
            if (!Suite.refusedWith(r, "VISIT_EXISTS") || person != visit(c, visitId).path("personId").asLong()) {
                throw r;
            }
        }
        c.visitId = visitId;
        ObjectNode out = JSON.objectNode();
        ObjectNode result = out.putObject(inpatient ? "result" : "data");
        result.put("mdtrt_id", visitId);
        result.put("psn_no", String.valueOf(person));
        result.put("ipt_otp_no", visitId);
        return out;
    }

    JsonNode visit(Call c, String visitId) {
        return Suite.call("就诊信息查询", () -> reimbursement.visit(c.institution(), visitId));
    }

    /** 2402 出院办理: node dscginfo (mdtrtinfo in some regions). */
    JsonNode discharge(Call c) {
        ObjectNode d = node(c.input(), "dscginfo", "mdtrtinfo", "data");
        String visitId = requiredText(d, "input.dscginfo.", "mdtrt_id");
        LocalDate end = requiredDate(d, "input.dscginfo.", "endtime");
        Suite.call("出院办理", () -> reimbursement.discharge(c.institution(), visitId, Map.of("dischargeDate", end)));
        c.visitId = visitId;
        return JSON.objectNode();
    }

    /** 2404 入院撤销 and 2202 挂号撤销. */
    JsonNode withdraw(Call c) {
        ObjectNode d = node(c.input(), "data");
        String visitId = requiredText(d, "input.data.", "mdtrt_id");
        Suite.call("入院撤销", () -> reimbursement.withdraw(c.institution(), visitId));
        c.visitId = visitId;
        return JSON.objectNode();
    }

    /** 2301 / 2204 费用明细上传: node feedetail, a list (or one object), sent on in batches of 1,000. */
    JsonNode upload(Call c) {
        List<ObjectNode> details = list(c.input(), "feedetail");
        if (details.isEmpty()) {
            throw NhsaRefusal.field("input.feedetail", " 不能为空");
        }
        if (details.size() > Fields.MAX_LINES) {
            throw new NhsaRefusal("input.feedetail 有 " + details.size() + " 条，每次至多 " + Fields.MAX_LINES
                    + " 条：请分批上传（同一就诊可多次 2301）", "LIMIT_EXCEEDED");
        }
        String visitId = requiredText(details.get(0), "input.feedetail[0].", "mdtrt_id");
        List<Map<String, Object>> lines = new ArrayList<>();
        Map<String, ObjectNode> byNo = new LinkedHashMap<>();
        for (int i = 0; i < details.size(); i++) {
            ObjectNode d = details.get(i);
            String at = "input.feedetail[" + i + "].";
            String no = requiredText(d, at, "feedetl_sn");
            String item = text(d, "med_list_codg") != null ? text(d, "med_list_codg") : requiredText(d, at, "medins_list_codg");
            Map<String, Object> line = new HashMap<>(Map.of("lineNo", no, "itemCode", item,
                    "quantity", requiredDecimal(d, at, "cnt"), "unitPrice", requiredDecimal(d, at, "pric"),
                    "feeDate", requiredDate(d, at, "fee_ocur_time")));
            BigDecimal sum = Fields.decimal(d, at, "det_item_fee_sumamt");
            if (sum != null) {
                line.put("amount", sum);
            }
            lines.add(line);
            byNo.put(no, d);
        }
        ArrayNode result = JSON.arrayNode();
        for (int from = 0; from < lines.size(); from += BATCH) {
            List<Map<String, Object>> batch = lines.subList(from, Math.min(lines.size(), from + BATCH));
            JsonNode answer = Suite.call("费用明细上传", () -> reimbursement.upload(c.institution(), visitId,
                    Map.of("lines", batch)));
            answer.path("lines").forEach(l -> result.add(line(l, byNo.get(l.path("lineNo").asText()))));
        }
        c.visitId = visitId;
        c.lineNos = String.join(",", byNo.keySet());
        ObjectNode out = JSON.objectNode();
        out.set("result", result);
        return out;
    }

    private static ObjectNode line(JsonNode l, ObjectNode sent) {
        ObjectNode r = JSON.objectNode();
        r.put("feedetl_sn", l.path("lineNo").asText());
        r.put("det_item_fee_sumamt", l.path("amount").decimalValue());
        r.set("cnt", sent.get("cnt"));
        r.set("pric", sent.get("pric"));
        r.put("fulamt_ownpay_amt", l.path("selfFundedAmount").decimalValue());
        r.put("overlmt_amt", l.path("overLimitAmount").decimalValue());
        r.put("preselfpay_amt", l.path("preSelfPayAmount").decimalValue());
        r.put("inscp_scp_amt", l.path("eligibleAmount").decimalValue());
        r.put("chrgitm_lv", NationalCodes.chargeLevel(l.path("category").isNull() ? null : l.path("category").asText()));
        r.put("med_chrgitm_type", (String) null);
        return r;
    }

    /** 2302 / 2205 费用明细撤销: one line by {@code feedetl_sn}, or all when it is absent or "0000". */
    JsonNode revoke(Call c) {
        ObjectNode d = node(c.input(), "data", "feeinfo");
        String visitId = requiredText(d, "input.data.", "mdtrt_id");
        String no = text(d, "feedetl_sn");
        Map<String, Object> body = no == null || "0000".equals(no) ? Map.of() : Map.of("lineNos", List.of(no));
        Suite.call("费用明细撤销", () -> reimbursement.revoke(c.institution(), visitId, body));
        c.visitId = visitId;
        return JSON.objectNode();
    }

    /** 2601 of a fee upload: its lines revoked (those still there). */
    void revokeLines(String institution, String visitId, String lineNos) {
        List<String> all = List.of(lineNos.split(","));
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            Suite.call("费用明细撤销", () -> reimbursement.revoke(institution, visitId, Map.of("lineNos", batch)));
        }
    }

    void withdraw(String institution, String visitId) {
        Suite.call("入院撤销", () -> reimbursement.withdraw(institution, visitId));
    }
}
