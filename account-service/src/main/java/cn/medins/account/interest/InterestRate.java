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

/** A region's yearly interest rate on personal accounts (计息利率). */
@Entity
@Table(name = "interest_rate")
public class InterestRate extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "annual_rate", nullable = false)
    public BigDecimal annualRate;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Embeddable
    public record Key(@Column(name = "insured_region") String insuredRegion, @Column(name = "rate_year") Integer year)
            implements Serializable {
    }
}
