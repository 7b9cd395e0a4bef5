package cn.medins.reimbursement.visit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One fee detail (费用明细) of a visit, keyed by the hospital's {@code lineNo} (费用明细流水号), with what the
 * catalogue made of it at upload: its category (null: not in the catalogue) and the parts of its amount.
 * Written in bulk by {@link FeeLineRepository} (never persisted one by one); read as entities only a page
 * or a batch at a time.
 */
@Entity
@Table(name = "fee_line")
public class FeeLine extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "visit_ref", nullable = false) public long visitRef;
    @Column(name = "line_no", nullable = false) public String lineNo;
    @Column(name = "item_code", nullable = false) public String itemCode;
    @Column(nullable = false) public BigDecimal quantity;
    @Column(name = "unit_price", nullable = false) public BigDecimal unitPrice;
    @Column(nullable = false) public BigDecimal amount;
    @Column(name = "fee_date", nullable = false) public LocalDate feeDate;
    @Column public String category;
    @Column(name = "self_funded_amount", nullable = false) public BigDecimal selfFundedAmount;
    @Column(name = "over_limit_amount", nullable = false) public BigDecimal overLimitAmount;
    @Column(name = "pre_self_pay_amount", nullable = false) public BigDecimal preSelfPayAmount;
    @Column(name = "eligible_amount", nullable = false) public BigDecimal eligibleAmount;
    @Column(name = "catalog_source") public String catalogSource;
    @Column(name = "uploaded_at", nullable = false) public Instant uploadedAt;
    @Column(name = "revoked_at") public Instant revokedAt;

    public boolean live() {
        return revokedAt == null;
    }

    /** The same line as sent again: same item, quantity, unit price and date (the amount follows from them). */
    boolean sameAs(FeeLineUpload.Line l) {
        return itemCode.equals(l.itemCode()) && quantity.compareTo(l.quantity()) == 0
                && unitPrice.compareTo(l.unitPrice()) == 0 && feeDate.equals(l.feeDate());
    }

    String describe() {
        return itemCode + " x " + quantity.stripTrailingZeros().toPlainString() + " at "
                + unitPrice.stripTrailingZeros().toPlainString() + " on " + feeDate;
    }
}
