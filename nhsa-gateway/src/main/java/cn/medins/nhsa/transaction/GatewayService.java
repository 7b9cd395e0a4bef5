package cn.medins.nhsa.transaction;

import cn.medins.common.security.Caller;
import cn.medins.nhsa.envelope.Answer;
import cn.medins.nhsa.envelope.Download;
import cn.medins.nhsa.envelope.Envelope;
import cn.medins.nhsa.envelope.EnvelopeReader;
import cn.medins.nhsa.envelope.Fields;
import cn.medins.nhsa.envelope.NhsaRefusal;
import cn.medins.nhsa.envelope.Reply;
import cn.medins.nhsa.journal.JournalEntry;
import cn.medins.nhsa.journal.JournalRepository;
import cn.medins.nhsa.journal.SignIn;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One message: the institution checked against the token, the day's sign-in (but for 9001), the msgid
 * journalled (the same msgid and input replays the first answer; another input under it is refused),
 * the transaction run, and its answer journalled, unless a service did not answer (nothing was done:
 * the same msgid may be sent again and runs again).
 */
@ApplicationScoped
public class GatewayService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(GatewayService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    @Inject
    JournalRepository journal;

    @Inject
    VisitTransactions visits;

    @Inject
    SettlementTransactions settlements;

    @Inject
    PersonTransactions persons;

    @Inject
    PharmacyTransactions pharmacy;

    @Inject
    ReconciliationTransactions reconciliation;

    @Inject
    DetailReconciliation details;

    @Inject
    FileTransactions files;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    private final Map<String, Transaction> transactions = new HashMap<>();
    private final AtomicLong serial = new AtomicLong();

    @PostConstruct
    void register() {
        transactions.put("1101", c -> persons.personInfo(c));
        transactions.put("5206", c -> persons.accumulators(c));
        transactions.put("2001", c -> persons.benefitCheck(c));
        transactions.put("5203", c -> settlements.query(c));
        transactions.put("2401", c -> visits.admit(c, true));
        transactions.put("2201", c -> visits.admit(c, false));
        transactions.put("2402", c -> visits.discharge(c));
        transactions.put("2404", c -> visits.withdraw(c));
        transactions.put("2202", c -> visits.withdraw(c));
        transactions.put("2301", c -> visits.upload(c));
        transactions.put("2204", c -> visits.upload(c));
        transactions.put("2302", c -> visits.revoke(c));
        transactions.put("2205", c -> visits.revoke(c));
        transactions.put("2303", c -> settlements.preview(c));
        transactions.put("2206", c -> settlements.preview(c));
        transactions.put("2304", c -> settlements.settle(c));
        transactions.put("2207", c -> settlements.settle(c));
        transactions.put("2305", c -> settlements.cancel(c));
        transactions.put("2208", c -> settlements.cancel(c));
        transactions.put("2101", c -> pharmacy.preview(c));
        transactions.put("2102", c -> pharmacy.settle(c));
        transactions.put("2103", c -> pharmacy.cancel(c));
        transactions.put("3201", c -> reconciliation.totals(c));
        transactions.put("3202", c -> details.details(c));
        transactions.put("9101", c -> files.upload(c));
        transactions.put("2601", this::reverse);
    }

    /** The answer to a message body, whatever it holds: never an exception; 9102's is the file itself. */
    public Reply call(java.io.InputStream body) {
        String received = STAMP.format(clock.instant().atZone(clock.getZone()));
        try {
            Envelope e = EnvelopeReader.read(body);
            if ("9102".equals(e.infno())) {
                return download(e);
            }
            return answer(received, handle(e));
        } catch (NhsaRefusal r) {
            return refusal(received, r);
        } catch (cn.medins.common.input.BodyTooLargeException e) {
            return refusal(received, EnvelopeReader.tooLarge());
        } catch (org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException e) {
            return refusal(received, new NhsaRefusal("同类交易（3202 对明细账）正在进行的已达上限，未办理；请稍后用原报文重试",
                    "BUSY", true));
        } catch (RuntimeException e) {
            // the journal's database, or a fault of ours: an answer all the same, and a retry does no harm
            LOG.error("nhsa-gateway could not answer a message", e);
            return refusal(received, new NhsaRefusal("医保服务暂不可用，请稍后用原报文重试", "UNAVAILABLE", true));
        }
    }

    /** The answer to a message refused before it was read (too long). */
    public Answer refused(NhsaRefusal r) {
        return refusal(STAMP.format(clock.instant().atZone(clock.getZone())), r);
    }

    /** 9102 文件下载: a read, not journalled (the same msgid downloads again); a refusal is an envelope. */
    private Download download(Envelope e) {
        allowed(e);
        signedIn(e);
        return files.download(new Call(e));
    }

    private record Result(int infcode, JsonNode output, String errMsg, String warnMsg) {
    }

    private Result handle(Envelope e) {
        allowed(e);
        if ("9001".equals(e.infno())) {
            return new Result(0, signIn(e), "", null);
        }
        Transaction t = transactions.get(e.infno());
        if (t == null) {
            throw new NhsaRefusal("不支持的交易编号 infno " + e.infno() + "（README 的交易表列出支持的交易）", "UNKNOWN_INFNO");
        }
        signedIn(e);
        String hash = EnvelopeReader.fingerprint(e.input());
        // two copies of one message at once: the second waits for the first's entry and finds it
        JournalRepository.Claimed claimed = journal.claim(e.fixmedinsCode(), e.msgid(), e.infno(), hash);
        JournalEntry entry = claimed.entry();
        if (!claimed.created() && (!entry.inputSha256.equals(hash) || !entry.infno.equals(e.infno()))) {
            throw new NhsaRefusal("报文ID msgid " + e.msgid() + " 已用于另一笔交易（" + entry.infno + "），请使用新的 msgid",
                    "MSGID_REUSED");
        }
        if (!claimed.created() && entry.answered()) {
            return new Result(entry.infcode, read(entry.output), entry.errMsg == null ? "" : entry.errMsg, null);
        }
        Call call = new Call(e);
        try {
            JsonNode output = t.run(call);
            journal.answer(entry.key, 0, output.toString(), null, call.visitId, call.settlementId, call.lineNos);
            return new Result(0, output, "", null);
        } catch (NhsaRefusal r) {
            if (!r.isTransient()) {
                journal.answer(entry.key, -1, null, r.getMessage(), call.visitId, null, null);
            }
            throw r;
        }
    }

    private void allowed(Envelope e) {
        if (!caller.actsFor(e.fixmedinsCode()) && caller.isInstitutionOnly()) {
            throw new NhsaRefusal("fixmedins_code " + e.fixmedinsCode() + " 与令牌所属定点医药机构 "
                    + caller.institutionCode() + " 不符", "FORBIDDEN");
        }
    }

    private void signedIn(Envelope e) {
        if (!journal.signedInToday(e.fixmedinsCode(), e.signNo())) {
            throw new NhsaRefusal("sign_no 无效或不是今日签到，请先签到（9001）", "NOT_SIGNED_IN");
        }
    }

    private JsonNode signIn(Envelope e) {
        ObjectNode in = Fields.node(e.input(), "signin", "data");
        SignIn s = journal.signIn(e.fixmedinsCode(), Fields.text(in, "opter_no") != null ? Fields.text(in, "opter_no")
                : e.opter());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode node = out.putObject("signinoutb");
        node.put("sign_time", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(s.signedAt.atZone(clock.getZone())));
        node.put("sign_no", s.signNo);
        return out;
    }

    /**
     * 2601 冲正: undoes the original message as its own cancellation would (an admission withdrawn, fee lines
     * revoked, a settlement cancelled); a message that never reached the suite, or did nothing, is answered
     * without harm.
     */
    private JsonNode reverse(Call c) {
        ObjectNode d = Fields.node(c.input(), "data");
        String omsgid = Fields.requiredText(d, "input.data.", "omsgid");
        String oinfno = Fields.text(d, "oinfno");
        JournalEntry original = journal.find(c.institution(), omsgid).orElse(null);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (original == null || original.infcode == null || original.infcode != 0 || original.reversedAt != null) {
            out.put("result", original == null ? "原交易未到达，无需冲正" : "原交易未办理或已冲正，无需冲正");
            return out;
        }
        if (oinfno != null && !oinfno.equals(original.infno)) {
            throw new NhsaRefusal("input.data.oinfno " + oinfno + " 与原报文的交易编号 " + original.infno + " 不符",
                    "VALIDATION_FAILED");
        }
        switch (original.infno) {
            case "2401", "2201" -> visits.withdraw(c.institution(), original.visitId);
            case "2301", "2204" -> visits.revokeLines(c.institution(), original.visitId, original.lineNos);
            case "2304", "2207", "2102" -> settlements.cancel(original.settlementId, "nhsa-2601:" + c.institution() + ":" + omsgid);
            default -> throw new NhsaRefusal("交易 " + original.infno + " 不支持冲正（可冲正：2401、2201、2301、2204、2304、2207、2102）",
                    "NOT_REVERSIBLE");
        }
        journal.reversed(original.key);
        out.put("result", "已冲正原交易 " + original.infno + "（" + omsgid + "）");
        return out;
    }

    private Answer answer(String received, Result r) {
        return new Answer(r.infcode(), refMsgId(), received, STAMP.format(clock.instant().atZone(clock.getZone())),
                r.errMsg(), r.warnMsg(), r.output());
    }

    private Answer refusal(String received, NhsaRefusal r) {
        return new Answer(-1, refMsgId(), received, STAMP.format(clock.instant().atZone(clock.getZone())),
                r.getMessage(), r.code(), null);
    }

    /** inf_refmsgid: 医保区划 (6) + time (14) + serial (10). */
    private String refMsgId() {
        return "000000" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(clock.instant().atZone(clock.getZone()))
                + String.format("%010d", serial.incrementAndGet() % 10_000_000_000L);
    }

    private static JsonNode read(String json) {
        try {
            return json == null ? null : EnvelopeReader.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
