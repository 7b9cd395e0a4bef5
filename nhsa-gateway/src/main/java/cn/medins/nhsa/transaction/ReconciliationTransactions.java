package cn.medins.nhsa.transaction;

import static cn.medins.nhsa.envelope.Fields.decimal;
import static cn.medins.nhsa.envelope.Fields.node;
import static cn.medins.nhsa.envelope.Fields.requiredDate;
import static cn.medins.nhsa.envelope.Fields.requiredDecimal;
import static cn.medins.nhsa.envelope.Fields.requiredText;
import static cn.medins.nhsa.envelope.Fields.text;

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
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * 3201 医药机构费用结算对总账 and 3202 对明细账: the institution's figures of a period against the agency's
 * (GET /reconciliations/agency-totals and agency-settlements), compared in the national terms: {@code clr_type}
 * the medical type as setlinfo answers it, {@code setl_optins} the insured region (setlinfo's
 * {@code clr_optins}), {@code fund_pay_sumamt} the funds with medical assistance, as setlinfo counts it.
 */
@ApplicationScoped
public class ReconciliationTransactions {

    private static final String DATA = "input.data.";
    /** The longest period the agency compares at once (GET /reconciliations/agency-totals). */
    private static final int MAX_DAYS = 92;
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

    /** The period asked for, both days included. */
    private record Period(LocalDate begin, LocalDate end) {
    }

    /** One of the agency's settlements, in national terms. */
    private record AgencyLine(JsonNode row, String setlId, String insutype, BigDecimal total, BigDecimal fund,
                              BigDecimal account, BigDecimal ownAccount) {
    }

    /** 3201: the totals of one insurance type and 清算类别 (and insured region when named) against the agency's. */
    JsonNode totals(Call c) {
        ObjectNode d = node(c.input(), "data");
        String insutype = requiredText(d, DATA, "insutype");
        String clrType = requiredText(d, DATA, "clr_type");
        String region = optins(d);
        Period p = period(d);
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

    /**
     * 3202: the uploaded file (9101) line by line against the agency's settlements of the period; the result
     * file, one line for every settlement on either side, stored for 9102 under a new 文件查询号.
     */
    @Bulkhead(2) // each holds up to 100,000 lines of its file and the agency's: two at once per instance
    JsonNode details(Call c) {
        ObjectNode d = node(c.input(), "data");
        String region = optins(d);
        String number = requiredText(d, DATA, "file_qury_no");
        Period p = period(d);
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
    private Map<String, AgencyLine> agencySettlements(Call c, Period p, String region) {
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

    /** setl_optins, or Guangzhou's clr_optins: the insured region compared; none compares all. */
    private static String optins(ObjectNode d) {
        String region = text(d, "setl_optins");
        return region != null ? region : text(d, "clr_optins");
    }

    private static Period period(ObjectNode d) {
        LocalDate begin = requiredDate(d, DATA, "stmt_begndate");
        LocalDate end = requiredDate(d, DATA, "stmt_enddate");
        if (end.isBefore(begin) || end.isAfter(begin.plusDays(MAX_DAYS - 1))) {
            throw NhsaRefusal.field(DATA + "stmt_enddate", " 应在 stmt_begndate " + begin + " 当日至其后 " + MAX_DAYS
                    + " 日内，收到 " + end);
        }
        return new Period(begin, end);
    }

    private static long count(ObjectNode d) {
        BigDecimal n = requiredDecimal(d, DATA, "fixmedins_setl_cnt");
        if (n.signum() < 0 || n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(100_000_000)) > 0) {
            throw NhsaRefusal.field(DATA + "fixmedins_setl_cnt", " 应为非负整数，收到 " + n.toPlainString());
        }
        return n.longValueExact();
    }

    /** The person's own account or all personal accounts (with family mutual aid): either is the agency's. */
    private static void accountDiffers(List<String> differences, BigDecimal theirs, BigDecimal all, BigDecimal family) {
        if (theirs.compareTo(all) != 0 && theirs.compareTo(all.subtract(family)) != 0) {
            differ(differences, "个人账户支付金额", theirs, all);
        }
    }

    private static void differ(List<String> differences, String what, BigDecimal hospital, BigDecimal agency) {
        if (hospital.compareTo(agency) != 0) {
            differences.add(what + "：医院 " + plain(hospital) + "，中心 " + plain(agency));
        }
    }

    private static void add(BigDecimal[] sums, int i, JsonNode row, String field) {
        sums[i] = sums[i].add(money(row, field));
    }

    /** An amount of the suite's answer; absent (an older reimbursement-service) is none. */
    private static BigDecimal money(JsonNode row, String field) {
        return row.path(field).decimalValue().setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal amount(String[] line, int col) {
        return new BigDecimal(line[col].isEmpty() ? "0" : line[col]);
    }

    /** An amount to the cent, as the national files write it. */
    private static String plain(BigDecimal d) {
        return d.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
