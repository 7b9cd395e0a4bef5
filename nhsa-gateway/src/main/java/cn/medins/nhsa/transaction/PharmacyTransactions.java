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
import cn.medins.nhsa.envelope.NhsaRefusal;
import cn.medins.nhsa.mapping.SettlementFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * 药店预结算 / 结算 / 结算撤销 (2101 / 2102 / 2103): a purchase travels whole in one message (no registration,
 * no upload), so it maps onto a whole bill of {@code POST /settlements} (preview, settle with the key from
 * the msgid); the visit id is the msgid of the 2102, which 2103 names by {@code setl_id}.
 */
@ApplicationScoped
public class PharmacyTransactions {

    @Inject
    @RestClient
    ReimbursementClient reimbursement;

    @Inject
    SettlementTransactions settlements;

    @Inject
    Clock clock;

    JsonNode preview(Call c) {
        Map<String, Object> bill = bill(c);
        JsonNode s = Suite.call("药店预结算", () -> reimbursement.previewBill(bill));
        return SettlementFields.output(s, person(s), c.envelope.msgid(), clock.getZone(), false);
    }

    JsonNode settle(Call c) {
        Map<String, Object> bill = bill(c);
        JsonNode s = Suite.call("药店结算", () -> reimbursement.settleBill(c.key(), bill));
        c.visitId = s.path("visitId").asText();
        c.settlementId = s.path("settlementId").asLong();
        return SettlementFields.output(s, person(s), c.envelope.msgid(), clock.getZone(), false);
    }

    JsonNode cancel(Call c) {
        return settlements.cancel(c);
    }

    /** druginfo and drugdetail as a bill of {@code POST /settlements} (41, the service date of begntime). */
    private static Map<String, Object> bill(Call c) {
        ObjectNode info = node(c.input(), "druginfo", "data");
        List<ObjectNode> details = list(c.input(), "drugdetail", "feedetail");
        if (details.isEmpty()) {
            throw NhsaRefusal.field("input.drugdetail", " 不能为空");
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            ObjectNode d = details.get(i);
            String at = "input.drugdetail[" + i + "].";
            lines.add(Map.of("itemCode", text(d, "med_list_codg") != null ? text(d, "med_list_codg")
                            : requiredText(d, at, "medins_list_codg"),
                    "quantity", requiredDecimal(d, at, "cnt"), "unitPrice", requiredDecimal(d, at, "pric")));
        }
        Map<String, Object> bill = new HashMap<>();
        bill.put("personId", requiredId(info, "input.druginfo.", "psn_no"));
        bill.put("institutionCode", c.institution());
        bill.put("visitId", c.envelope.msgid());
        bill.put("medicalType", "41");
        bill.put("serviceDate", requiredDate(info, "input.druginfo.", "begntime"));
        bill.put("useAccount", "1".equals(text(info, "acct_used_flag")));
        bill.put("lines", lines);
        return bill;
    }

    private JsonNode person(JsonNode s) {
        return settlements.person(s);
    }
}
