package cn.medins.nhsa.journal;

import cn.medins.common.lock.HoldsWriterSlot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every query of the journal and sign_in tables, each write its own short transaction: a message is
 * recorded before the suite is called and answered after, so that a retry of a message whose answer was
 * lost finds it.
 */
@ApplicationScoped
public class JournalRepository {

    @Inject
    Clock clock;

    /**
     * The entry of this msgid, recorded now when it is new ({@code created} true); an existing one is
     * returned as it is, for the caller to replay or refuse.
     */
    public record Claimed(JournalEntry entry, boolean created) {
    }

    @HoldsWriterSlot
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claimed claim(String fixmedinsCode, String msgid, String infno, String sha256) {
        JournalEntry.Key key = new JournalEntry.Key(fixmedinsCode, msgid);
        JournalEntry existing = JournalEntry.findById(key, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (existing != null) {
            return new Claimed(existing, false);
        }
        JournalEntry e = new JournalEntry();
        e.key = key;
        e.infno = infno;
        e.inputSha256 = sha256;
        e.receivedAt = clock.instant();
        e.persist();
        return new Claimed(e, true);
    }

    /** Records the answer and what the message made. */
    @HoldsWriterSlot
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void answer(JournalEntry.Key key, int infcode, String output, String errMsg, String visitId,
                       Long settlementId, String lineNos) {
        JournalEntry e = JournalEntry.findById(key);
        e.infcode = infcode;
        e.output = output;
        e.errMsg = errMsg;
        e.visitId = visitId;
        e.settlementId = settlementId;
        e.lineNos = lineNos;
        e.answeredAt = clock.instant();
    }

    public Optional<JournalEntry> find(String fixmedinsCode, String msgid) {
        return JournalEntry.findByIdOptional(new JournalEntry.Key(fixmedinsCode, msgid));
    }

    @HoldsWriterSlot
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reversed(JournalEntry.Key key) {
        JournalEntry e = JournalEntry.findById(key);
        e.reversedAt = clock.instant();
    }

    /** 9001: a new sign_no for the institution, valid through today. */
    @HoldsWriterSlot
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SignIn signIn(String fixmedinsCode, String opterNo) {
        SignIn s = new SignIn();
        s.signNo = UUID.randomUUID().toString().replace("-", "").substring(0, 30);
        s.fixmedinsCode = fixmedinsCode;
        s.opterNo = opterNo;
        s.signDay = LocalDate.now(clock);
        s.signedAt = clock.instant();
        s.persist();
        return s;
    }

    /** Whether the sign_no was given to this institution today. */
    public boolean signedInToday(String fixmedinsCode, String signNo) {
        SignIn s = signNo == null ? null : SignIn.findById(signNo);
        return s != null && s.fixmedinsCode.equals(fixmedinsCode) && s.signDay.equals(LocalDate.now(clock));
    }

    /** The infno of the messages that settle (inpatient, outpatient, pharmacy): 3202 names their msgid. */
    public static final List<String> SETTLING = List.of("2304", "2207", "2102");

    /** For each settlement of the institution among {@code settlementIds}, the msgid of the message that made it. */
    public Map<Long, String> settlingMessages(String fixmedinsCode, Collection<Long> settlementIds) {
        Map<Long, String> msgids = new HashMap<>();
        if (settlementIds.isEmpty()) {
            return msgids;
        }
        JournalEntry.<JournalEntry>find("key.fixmedinsCode = ?1 and settlementId in ?2 and infno in ?3 and infcode = 0",
                fixmedinsCode, settlementIds, SETTLING).stream()
                .forEach(e -> msgids.put(e.settlementId, e.key.msgid()));
        return msgids;
    }

    public Instant now() {
        return clock.instant();
    }
}
