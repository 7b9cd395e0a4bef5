package cn.medins.nhsa.journal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * One message received (报文): its transaction, the hash of its input, its answer once given, and what
 * it made in the suite (a visit, fee lines, a settlement), which a 2601 reversal undoes.
 */
@Entity
@Table(name = "journal")
public class JournalEntry extends PanacheEntityBase {

    /** A msgid is the institution's: two institutions may use the same one. */
    @Embeddable
    public record Key(@Column(name = "fixmedins_code") String fixmedinsCode, @Column(name = "msgid") String msgid)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false) public String infno;
    @Column(name = "input_sha256", nullable = false) public String inputSha256;
    @Column public Integer infcode;
    @Column public String output;
    @Column(name = "err_msg") public String errMsg;
    @Column(name = "visit_id") public String visitId;
    @Column(name = "settlement_id") public Long settlementId;
    /** The fee lines a 2301/2204 stored, comma separated. */
    @Column(name = "line_nos") public String lineNos;
    @Column(name = "received_at", nullable = false) public Instant receivedAt;
    @Column(name = "answered_at") public Instant answeredAt;
    @Column(name = "reversed_at") public Instant reversedAt;

    public boolean answered() {
        return infcode != null;
    }
}
