package cn.medins.reimbursement.reference;

import cn.medins.reimbursement.calculation.Category;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A drug or service of the catalog (医保目录), with its category and optional price limit. */
@Entity
@Table(name = "catalog_item")
public class CatalogItem extends PanacheEntityBase {

    @Id
    @Column(name = "item_code")
    public String itemCode;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Column(name = "price_limit")
    public BigDecimal priceLimit;

    /** The item's own first self-pay share (NHSA selfpay_prop), instead of its category's in the policy. */
    @Column(name = "pre_self_pay_share")
    public BigDecimal preSelfPayShare;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
