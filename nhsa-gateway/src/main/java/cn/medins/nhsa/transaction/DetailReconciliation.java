package cn.medins.nhsa.transaction;

import static cn.medins.nhsa.transaction.ReconciliationTerms.DATA;
import static cn.medins.nhsa.transaction.ReconciliationTerms.count;
import static cn.medins.nhsa.transaction.ReconciliationTerms.differ;
import static cn.medins.nhsa.transaction.ReconciliationTerms.money;
import static cn.medins.nhsa.transaction.ReconciliationTerms.optins;
import static cn.medins.nhsa.transaction.ReconciliationTerms.period;
import static cn.medins.nhsa.transaction.ReconciliationTerms.plain;
import static cn.medins.nhsa.envelope.Fields.node;
import static cn.medins.nhsa.envelope.Fields.requiredDecimal;
import static cn.medins.nhsa.envelope.Fields.requiredText;

import cn.medins.nhsa.client.ReimbursementClient;
import cn.medins.nhsa.client.Suite;
import cn.medins.nhsa.envelope.NhsaRefusal;
import cn.medins.nhsa.exchange.DetailFile;
import cn.medins.nhsa.exchange.ExchangeFile;
import cn.medins.nhsa.journal.JournalRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * 3202 医药机构费用结算对明细账: the institution's uploaded detail file (9101) against the agency's settlements
 * of the period (GET /reconciliations/agency-settlements), line by line, compared in the national terms: {@code clr_type}
 * the medical type as setlinfo answers it, {@code setl_optins} the insured region (setlinfo's
 * {@code clr_optins}), {@code fund_pay_sumamt} the funds with medical assistance, as setlinfo counts it.
 */
@ApplicationScoped
public class DetailReconciliation {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** stmt_rslt of a result line: 0 一致, 1 金额不符, 2 中心无此结算, 3 医院未上传. */
    static final String SAME = "0";
    static final String DIFFERENT = "1";
    static final String NOT_AT_AGENCY = "2";
    static final String NOT_UPLOADED = "3";

    @Inject
    @RestClient
    ReimbursementClient reimbursement;

    @Inject
    FileTransactions files;

    @Inject
    JournalRepository journal;

    @Inject
    Clock clock;

    /** One of the agency's settlements, in national terms. */
    private record AgencyLine(JsonNode row, String setlId, String insutype, BigDecimal total, BigDecimal fund,
                              BigDecimal account, BigDecimal ownAccount) {
    }

    /**
     * 3202: the uploaded file (9101) line by line against the agency's settlements of the period; the result
     * file, one line for every settlement on either side, stored for 9102 under a new 文件查询号.
     */
    @Bulkhead(2) // each holds up to 100,000 lines of its file and the agency's: two at once per instance
    JsonNode details(Call c) {
        ObjectNode d = node(c.input(), "data");
        String region = optins(d);
        String number = requiredText(d, DATA, "file_qury_no");
        ReconciliationTerms.Period p = period(d);
        BigDecimal total = requiredDecimal(d, DATA, "medfee_sumamt");
        BigDecimal fund = requiredDecimal(d, DATA, "fund_pay_sumamt");
        long count = count(d);
        ExchangeFile upload = files.uploaded(c, DATA, number);
        Map<String, AgencyLine> agency = agencySettlements(c, p, region);
        List<String[]> lines = read(upload, agency);
        if (lines.size() != count) {
            throw NhsaRefusal.field(DATA + "fixmedins_setl_cnt", " 为 " + count + "，明细文件有 " + lines.size() + " 笔结算");
        }
        Map<Long, String> msgids = journal.settlingMessages(c.institution(), agency.values().stream()
                .map(a -> Long.valueOf(a.setlId())).toList());
        List<List<String>> result = new ArrayList<>();
        int unequal = 0;
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO};
        for (String[] line : lines) {
            sums[0] = sums[0].add(amount(line, 3));
            sums[1] = sums[1].add(amount(line, 4));
            AgencyLine a = agency.remove(line[0]);
            List<String> r = resultLine(line, a, msgids);
            unequal += SAME.equals(r.get(4)) ? 0 : 1;
            result.add(r);
        }
        for (AgencyLine a : agency.values()) {
            result.add(List.of(a.row().path("personId").asText(), a.row().path("visitId").asText(), a.setlId(),
                    msgids.getOrDefault(Long.valueOf(a.setlId()), ""), NOT_UPLOADED, "0",
                    "医院未上传此结算；险种 " + a.insutype(), plain(a.total()), plain(a.fund()), plain(a.account())));
            unequal++;
        }
        List<String> differences = new ArrayList<>();
        differ(differences, "医疗费总额（与明细合计）", total, sums[0]);
        differ(differences, "基金支付总额（与明细合计）", fund, sums[1]);
        if (unequal > 0) {
            differences.add(unequal + " 笔结算不一致，见结果文件");
        }
        String filename = "stmt_rslt_" + c.institution() + "_" + p.begin() + "_" + p.end() + ".zip";
        ExchangeFile file = files.result(c, filename, DetailFile.zip(filename.replace(".zip", ".txt"), result));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode info = out.putObject("fileinfo");
        info.put("file_qury_no", file.fileQuryNo);
        info.put("filename", file.filename);
        info.put("dld_endtime", TIME.format(file.downloadUntil.atZone(clock.getZone())));
        ObjectNode stmt = out.putObject("stmtinfo");
        stmt.put("setl_optins", region);
        stmt.put("stmt_rslt", differences.isEmpty() ? "0" : "1");
        stmt.put("stmt_rslt_dscr", String.join("；", differences));
        return out;
    }

    /**
     * A result line: psn_no, mdtrt_id, setl_id, msgid, stmt_rslt, refd_setl_flag, memo (ending with the
     * insutype), and the agency's medfee_sumamt, fund_pay_sumamt and acct_pay.
     */
    private static List<String> resultLine(String[] line, AgencyLine a, Map<Long, String> msgids) {
        String refund = line.length > 6 && !line[6].isEmpty() ? line[6] : "0";
        if (a == null) {
            String memo = "1".equals(refund) ? "退费结算，中心已撤销" : "中心无此结算";
            return List.of(line[2], line[1], line[0], "", "1".equals(refund) ? SAME : NOT_AT_AGENCY, refund, memo,
                    "", "", "");
        }
        List<String> differences = new ArrayList<>();
        if ("1".equals(refund)) {
            differences.add("医院为退费，中心为正常结算");
        }
        differ(differences, "医疗费总额", amount(line, 3), a.total());
        differ(differences, "基金支付总额", amount(line, 4), a.fund());
        BigDecimal account = amount(line, 5);
        if (account.compareTo(a.account()) != 0 && account.compareTo(a.ownAccount()) != 0) {
            differ(differences, "个人账户支付", account, a.account());
        }
        String memo = (differences.isEmpty() ? "一致" : String.join("；", differences)) + "；险种 " + a.insutype();
        return List.of(a.row().path("personId").asText(), a.row().path("visitId").asText(), a.setlId(),
                msgids.getOrDefault(Long.valueOf(a.setlId()), ""), differences.isEmpty() ? SAME : DIFFERENT, refund,
                memo, plain(a.total()), plain(a.fund()), plain(a.account()));
    }

    /** The agency's settlements of the period by setl_id, page after page, of the region when named. */
    private Map<String, AgencyLine> agencySettlements(Call c, ReconciliationTerms.Period p, String region) {
        Map<String, AgencyLine> lines = new LinkedHashMap<>();
        long after = 0;
        while (true) {
            long from = after;
            JsonNode page = Suite.call("对明细账", () -> reimbursement.agencySettlements(c.institution(),
                    p.begin().toString(), p.end().toString(), from));
            for (JsonNode row : page.path("settlements")) {
                if (region == null || region.equals(row.path("insuredRegion").asText())) {
                    BigDecimal account = money(row, "accountPaid");
                    AgencyLine a = new AgencyLine(row, row.path("settlementId").asText(),
                            row.path("insuranceType").asText(), money(row, "totalAmount"),
                            money(row, "fundPaidTotal").add(money(row, "assistancePaid")),
                            account, account.subtract(money(row, "familyAccountPaid")));
                    lines.put(a.setlId(), a);
                }
            }
            if (page.path("nextAfterId").isNull() || page.path("nextAfterId").isMissingNode()) {
                return lines;
            }
            after = page.path("nextAfterId").asLong();
        }
    }

    /** The uploaded file's settlements (DetailFile), a line that cannot be read refused naming it. */
    private static List<String[]> read(ExchangeFile upload, Map<String, AgencyLine> agency) {
        try {
            return DetailFile.settlements(upload.content, agency::containsKey);
        } catch (DetailFile.Unreadable e) {
            throw e.line > 0 ? new NhsaRefusal(e.getMessage(), "VALIDATION_FAILED")
                    : NhsaRefusal.field(DATA + "file_qury_no", " 的文件无法读取：" + e.getMessage());
        }
    }

    private static BigDecimal amount(String[] line, int col) {
        return new BigDecimal(line[col].isEmpty() ? "0" : line[col]);
    }
}
