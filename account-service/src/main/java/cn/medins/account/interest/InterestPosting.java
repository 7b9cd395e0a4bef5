package cn.medins.account.interest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** A year's interest posted to one account: at most one per account and year. */
@Entity
@Table(name = "interest_posting")
public class InterestPosting extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** 积数: the sum of the year's end-of-day balances. */
    @Column(name = "balance_days", nullable = false)
    public BigDecimal balanceDays;

    @Column(name = "annual_rate", nullable = false)
    public BigDecimal annualRate;

    @Column(nullable = false)
    public BigDecimal interest;

    @Column(name = "posted_at", nullable = false)
    public Instant postedAt;

    @Embeddable
    public record Key(@Column(name = "person_id") Long personId, @Column(name = "posting_year") Integer year)
            implements Serializable {
    }
}
