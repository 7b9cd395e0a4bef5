package cn.medins.account.contribution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/** The monthly credit of a retiree's account (退休人员个人账户划入), once per person and month. */
@Entity
@Table(name = "retiree_allocation")
public class RetireeAllocation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(nullable = false)
    public YearMonth period;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static boolean exists(long personId, YearMonth period) {
        return count("personId = ?1 and period = ?2", personId, period) > 0;
    }
}
