package cn.medins.nhsa.transaction;

import static cn.medins.nhsa.envelope.Fields.node;
import static cn.medins.nhsa.envelope.Fields.requiredId;
import static cn.medins.nhsa.envelope.Fields.requiredText;
import static cn.medins.nhsa.envelope.Fields.text;

import cn.medins.nhsa.client.AccountClient;
import cn.medins.nhsa.client.ReimbursementClient;
import cn.medins.nhsa.client.Suite;
import cn.medins.nhsa.envelope.Fields;
import cn.medins.nhsa.envelope.NhsaRefusal;
import cn.medins.nhsa.mapping.SettlementFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * 预结算 / 结算 / 结算撤销 (2303/2304/2305 inpatient, 2206/2207/2208 outpatient) onto a visit's settlement:
 * the preview, the settlement with an Idempotency-Key derived from the msgid (a retry never settles
 * twice), and the cancellation (撤销), whose answer repeats the settlement with its amounts negated.
 */
@ApplicationScoped
public class SettlementTransactions {

    @Inject
    @RestClient
    ReimbursementClient reimbursement;

    @Inject
    @RestClient
    AccountClient accounts;

    @Inject
    Clock clock;

    JsonNode preview(Call c) {
        ObjectNode d = node(c.input(), "data");
        String visitId = requiredText(d, "input.data.", "mdtrt_id");
        Map<String, Object> terms = terms(d);
        JsonNode s = sameTotal(terms, () -> Suite.call("预结算", () -> reimbursement.preview(c.institution(), visitId,
                terms)));
        c.visitId = visitId;
        return SettlementFields.output(s, person(s), c.envelope.msgid(), clock.getZone(), false);
    }

    JsonNode settle(Call c) {
        ObjectNode d = node(c.input(), "data");
        String visitId = requiredText(d, "input.data.", "mdtrt_id");
        Map<String, Object> terms = terms(d);
        JsonNode s = sameTotal(terms, () -> Suite.call("结算", () -> reimbursement.settle(c.institution(), visitId,
                c.key(), terms)));
        c.visitId = visitId;
        c.settlementId = s.path("settlementId").asLong();
        return SettlementFields.output(s, person(s), c.envelope.msgid(), clock.getZone(), false);
    }

    JsonNode cancel(Call c) {
        ObjectNode d = node(c.input(), "data");
        long id = requiredId(d, "input.data.", "setl_id");
        JsonNode s = cancel(id, c.key());
        c.settlementId = id;
        c.visitId = s.path("visitId").asText();
        return SettlementFields.output(s, person(s), c.envelope.msgid(), clock.getZone(), true);
    }

    /** 5203 结算信息查询: the settlement named by {@code setl_id}, as 2207/2304 answered it. */
    JsonNode query(Call c) {
        ObjectNode d = node(c.input(), "data");
        long id = requiredId(d, "input.data.", "setl_id");
        JsonNode s = Suite.call("结算信息查询", () -> reimbursement.settlement(id));
        return SettlementFields.output(s, person(s), null, clock.getZone(), false);
    }

    /** The settlement cancelled (撤销); one already cancelled is answered as it is. */
    JsonNode cancel(long settlementId, String key) {
        try {
            return Suite.call("结算撤销", () -> reimbursement.cancel(settlementId, key));
        } catch (NhsaRefusal r) {
            if (!Suite.refusedWith(r, "ALREADY_CANCELLED")) {
                throw r;
            }
            return Suite.call("结算信息查询", () -> reimbursement.settlement(settlementId));
        }
    }

    /**
     * {@code acct_used_flag} 1: the personal account pays (0 or absent: cash); a {@code medfee_sumamt} sent
     * is the total the uploaded lines must make (the HIS and the platform agree on the bill), checked by
     * reimbursement-service under the settlement's own lock.
     */
    private static Map<String, Object> terms(ObjectNode d) {
        Map<String, Object> body = new HashMap<>();
        body.put("useAccount", "1".equals(text(d, "acct_used_flag")));
        BigDecimal sent = Fields.decimal(d, "input.data.", "medfee_sumamt");
        if (sent != null) {
            if (sent.signum() < 0 || sent.stripTrailingZeros().scale() > 2) {
                throw NhsaRefusal.field("input.data.medfee_sumamt", " 应为不小于 0、至多两位小数的金额，收到 "
                        + sent.toPlainString());
            }
            body.put("expectedTotalAmount", sent);
        }
        return body;
    }

    /** The suite's TOTAL_MISMATCH in the HIS's terms: the field it sent, both totals in the detail. */
    private static JsonNode sameTotal(Map<String, Object> terms, java.util.function.Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (NhsaRefusal r) {
            if (!Suite.refusedWith(r, "TOTAL_MISMATCH")) {
                throw r;
            }
            throw new NhsaRefusal("input.data.medfee_sumamt " + ((BigDecimal) terms.get("expectedTotalAmount"))
                    .toPlainString() + " 与已上传费用明细总额不符，请核对明细（2301/2204）：" + r.getMessage(), "TOTAL_MISMATCH");
        }
    }

    /** The person (name, ID masked, type) for setlinfo; null when account-service cannot say, the settlement still answered. */
    JsonNode person(JsonNode s) {
        try {
            return Suite.call("人员信息", () -> accounts.person(s.path("personId").asLong()));
        } catch (NhsaRefusal r) {
            return null;
        }
    }
}
