package cn.medins.account.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A transfer of the enrollment to another region (转移接续); the balance moves with it. */
@Entity
public class Transfer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(name = "from_region", nullable = false)
    public String fromRegion;

    @Column(name = "to_region", nullable = false)
    public String toRegion;

    @Column(name = "effective_on", nullable = false)
    public LocalDate effectiveOn;

    @Column(name = "amount_moved", nullable = false)
    public BigDecimal amountMoved;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
