package cn.medins.nhsa.transaction;

import cn.medins.nhsa.envelope.Envelope;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One transaction under way: its envelope, and what it made in the suite, journalled with its answer so
 * that a 2601 reversal can undo it.
 */
public final class Call {

    final Envelope envelope;
    String visitId;
    Long settlementId;
    String lineNos;

    Call(Envelope envelope) {
        this.envelope = envelope;
    }

    ObjectNode input() {
        return envelope.input();
    }

    String institution() {
        return envelope.fixmedinsCode();
    }

    /** The Idempotency-Key of the suite's money-moving call this message makes: a retry of it makes it again, once. */
    String key() {
        return "nhsa:" + envelope.fixmedinsCode() + ":" + envelope.msgid();
    }
}
