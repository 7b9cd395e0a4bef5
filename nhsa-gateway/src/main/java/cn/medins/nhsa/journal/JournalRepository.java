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

    @Inject
    SignIns signIns;

    /**
     * The entry of this msgid, recorded now when it is new ({@code created} true); an existing one is
     * returned as it is, for the caller to replay or refuse.
     */
    public record Claimed(JournalEntry entry, boolean created) {
    }

    /**
     * One statement in the common case (a new msgid): the insert, which a concurrent copy of the message
     * waits on and then finds done; the existing entry is read only when there is one.
     */
    @HoldsWriterSlot
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claimed claim(String fixmedinsCode, String msgid, String infno, String sha256) {
        Instant now = clock.instant();
        int inserted = JournalEntry.getEntityManager().createNativeQuery("insert into {h-schema}journal (fixmedins_code, msgid,"
                        + " infno, input_sha256, received_at) values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, fixmedinsCode).setParameter(2, msgid).setParameter(3, infno).setParameter(4, sha256)
                .setParameter(5, now).executeUpdate();
        if (inserted == 0) {
            return new Claimed(JournalEntry.findById(new JournalEntry.Key(fixmedinsCode, msgid)), false);
        }
        JournalEntry e = new JournalEntry();
        e.key = new JournalEntry.Key(fixmedinsCode, msgid);
        e.infno = infno;
        e.inputSha256 = sha256;
        e.receivedAt = now;
        return new Claimed(e, true);
    }

    /** Records the answer and what the message made: one update, nothing read. */
    @HoldsWriterSlot
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void answer(JournalEntry.Key key, int infcode, String output, String errMsg, String visitId,
                       Long settlementId, String lineNos) {
        JournalEntry.update("infcode = ?1, output = ?2, errMsg = ?3, visitId = ?4, settlementId = ?5, lineNos = ?6,"
                + " answeredAt = ?7 where key.fixmedinsCode = ?8 and key.msgid = ?9", infcode, output, errMsg, visitId,
                settlementId, lineNos, clock.instant(), key.fixmedinsCode(), key.msgid());
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
        return signNo != null && signIns.given(fixmedinsCode, signNo, LocalDate.now(clock));
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
