package cn.medins.reimbursement.reference;

import cn.medins.reimbursement.calculation.Category;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A provincial catalogue entry (省级目录) of an item: what a province decides differently for care in
 * it (就医地目录). Each field left null keeps the national entry's.
 */
@Entity
@Table(name = "catalog_region_entry")
public class CatalogRegionEntry extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    public Category category;

    @Column(name = "price_limit")
    public BigDecimal priceLimit;

    @Column(name = "pre_self_pay_share")
    public BigDecimal preSelfPayShare;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Embeddable
    public record Key(@Column(name = "item_code") String itemCode, @Column(name = "province") String province)
            implements Serializable {
    }
}
