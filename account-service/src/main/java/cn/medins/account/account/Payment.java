package cn.medins.account.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A payment from a personal account, unique per account and caller's {@code reference}. */
@Entity
public class Payment extends PanacheEntityBase {

    /** The unique key (V1) that makes a reference pay once per account. */
    public static final String REFERENCE_KEY = "payment_person_id_reference_key";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(name = "requested_amount", nullable = false)
    public BigDecimal requestedAmount;

    @Column(name = "paid_amount", nullable = false)
    public BigDecimal paidAmount;

    @Column(nullable = false)
    public BigDecimal shortfall;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentPurpose purpose;

    @Column(name = "beneficiary_person_id")
    public Long beneficiaryPersonId;

    @Column(nullable = false)
    public String reference;

    @Column(name = "allow_partial", nullable = false)
    public boolean allowPartial;

    @Column(name = "refunded_at")
    public Instant refundedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Payment> byReference(long personId, String reference) {
        return find("personId = ?1 and reference = ?2", personId, reference).firstResultOptional();
    }

    public static Optional<Payment> of(long personId, long paymentId) {
        return find("personId = ?1 and id = ?2", personId, paymentId).firstResultOptional();
    }

    public static List<Payment> page(long personId, Long before, int limit) {
        return find("personId = ?1 and id < ?2 order by id desc", personId, before == null ? Long.MAX_VALUE : before)
                .page(0, limit + 1).list();
    }
}
