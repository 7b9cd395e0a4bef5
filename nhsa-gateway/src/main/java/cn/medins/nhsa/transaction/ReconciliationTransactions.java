package cn.medins.nhsa.transaction;

import static cn.medins.nhsa.transaction.ReconciliationTerms.DATA;
import static cn.medins.nhsa.transaction.ReconciliationTerms.count;
import static cn.medins.nhsa.transaction.ReconciliationTerms.differ;
import static cn.medins.nhsa.transaction.ReconciliationTerms.money;
import static cn.medins.nhsa.transaction.ReconciliationTerms.optins;
import static cn.medins.nhsa.transaction.ReconciliationTerms.period;
import static cn.medins.nhsa.envelope.Fields.decimal;
import static cn.medins.nhsa.envelope.Fields.node;
import static cn.medins.nhsa.envelope.Fields.requiredDecimal;
import static cn.medins.nhsa.envelope.Fields.requiredText;

import cn.medins.nhsa.client.ReimbursementClient;
import cn.medins.nhsa.client.Suite;
import cn.medins.nhsa.envelope.NhsaRefusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * 3201 医药机构费用结算对总账: the institution's totals of a period against the agency's
 * (GET /reconciliations/agency-totals; 3202 is DetailReconciliation), compared in the national terms: {@code clr_type}
 * the medical type as setlinfo answers it, {@code setl_optins} the insured region (setlinfo's
 * {@code clr_optins}), {@code fund_pay_sumamt} the funds with medical assistance, as setlinfo counts it.
 */
@ApplicationScoped
public class ReconciliationTransactions {

    @Inject
    @RestClient
    ReimbursementClient reimbursement;

    /** 3201: the totals of one insurance type and 清算类别 (and insured region when named) against the agency's. */
    JsonNode totals(Call c) {
        ObjectNode d = node(c.input(), "data");
        String insutype = requiredText(d, DATA, "insutype");
        String clrType = requiredText(d, DATA, "clr_type");
        String region = optins(d);
        ReconciliationTerms.Period p = period(d);
        BigDecimal total = requiredDecimal(d, DATA, "medfee_sumamt");
        BigDecimal fund = requiredDecimal(d, DATA, "fund_pay_sumamt");
        BigDecimal account = decimal(d, DATA, "acct_pay");
        BigDecimal cash = decimal(d, DATA, "cash_payamt"); // Guangzhou's variant compares the cash instead
        if (account == null && cash == null) {
            throw NhsaRefusal.field(DATA + "acct_pay", " 不能为空");
        }
        long count = count(d);
        JsonNode agency = Suite.call("对总账", () -> reimbursement.agencyTotals(c.institution(), p.begin().toString(),
                p.end().toString()));
        long theirCount = 0;
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (JsonNode row : agency.path("byType")) {
            if (clrType.equals(row.path("medicalType").asText()) && insutype.equals(row.path("insuranceType").asText())
                    && (region == null || region.equals(row.path("insuredRegion").asText()))) {
                theirCount += row.path("count").asLong();
                add(sums, 0, row, "totalAmount");
                add(sums, 1, row, "fundPaidTotal");
                add(sums, 1, row, "assistancePaid");
                add(sums, 2, row, "accountPaid");
                add(sums, 3, row, "familyAccountPaid");
                add(sums, 4, row, "cashPaid");
            }
        }
        List<String> differences = new ArrayList<>();
        if (count != theirCount) {
            differences.add("结算笔数：医院 " + count + "，中心 " + theirCount);
        }
        differ(differences, "医疗费总额", total, sums[0]);
        differ(differences, "基金支付总额", fund, sums[1]);
        if (account != null) {
            accountDiffers(differences, account, sums[2], sums[3]);
        } else {
            differ(differences, "现金支付金额", cash, sums[4]);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode info = out.putObject("stmtinfo");
        info.put("setl_optins", region);
        info.put("stmt_rslt", differences.isEmpty() ? "0" : "1");
        info.put("stmt_rslt_dscr", String.join("；", differences));
        return out;
    }

    /** The person's own account or all personal accounts (with family mutual aid): either is the agency's. */
    private static void accountDiffers(List<String> differences, BigDecimal theirs, BigDecimal all, BigDecimal family) {
        if (theirs.compareTo(all) != 0 && theirs.compareTo(all.subtract(family)) != 0) {
            differ(differences, "个人账户支付金额", theirs, all);
        }
    }

    private static void add(BigDecimal[] sums, int i, JsonNode row, String field) {
        sums[i] = sums[i].add(money(row, field));
    }
}
