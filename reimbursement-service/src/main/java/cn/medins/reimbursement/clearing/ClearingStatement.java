package cn.medins.reimbursement.clearing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A monthly clearing statement (月度清算): what the pooled fund and catastrophic insurance owe one
 * institution for the settlements completed in a month, less the adjustments of settlements cleared
 * before and cancelled since. Claims (paid to persons) are listed apart. Built once by
 * {@link ClearingService#close}; after that only its status moves: DRAFT -> CONFIRMED -> PAID.
 */
@Entity
@Table(name = "clearing_statement")
public class ClearingStatement extends PanacheEntityBase {

    /** DRAFT (built), CONFIRMED (by the institution), PAID (by the agency, with a payment reference). */
    public enum Status { DRAFT, CONFIRMED, PAID }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "institution_code", nullable = false)
    public String institutionCode;

    @Column(name = "clearing_month", nullable = false)
    public String month;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "settlement_count", nullable = false)
    public int settlementCount;
    @Column(name = "pool_fund_amount", nullable = false)
    public BigDecimal poolFundAmount;
    @Column(name = "catastrophic_amount", nullable = false)
    public BigDecimal catastrophicAmount;
    @Column(name = "adjustment_count", nullable = false)
    public int adjustmentCount;
    @Column(name = "adjustment_amount", nullable = false)
    public BigDecimal adjustmentAmount;
    @Column(name = "total_amount", nullable = false)
    public BigDecimal totalAmount;
    @Column(name = "claim_count", nullable = false)
    public int claimCount;
    @Column(name = "claim_amount", nullable = false)
    public BigDecimal claimAmount;

    /** 医疗救助: what the assistance fund owes the institution (its own book, not in {@code totalAmount}). */
    @Column(name = "assistance_amount", nullable = false)
    public BigDecimal assistanceAmount;
    /** What the assistance fund pays persons for their claims. */
    @Column(name = "claim_assistance_amount", nullable = false)
    public BigDecimal claimAssistanceAmount;

    @Column(name = "payment_reference")
    public String paymentReference;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "confirmed_at")
    public Instant confirmedAt;
    @Column(name = "paid_at")
    public Instant paidAt;

    /** DRAFT -> CONFIRMED: the institution agrees; the month cannot change any more. */
    public void confirm(Instant at) {
        status = Status.CONFIRMED;
        confirmedAt = at;
    }

    /** CONFIRMED -> PAID: the agency paid it. */
    public void paid(String reference, Instant at) {
        status = Status.PAID;
        paymentReference = reference;
        paidAt = at;
    }
}
