package cn.medins.reimbursement.reference;

import cn.medins.common.money.NonNegativeAmount;
import cn.medins.reimbursement.calculation.Category;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/** Bodies of the reference data an agency maintains: institutions, catalog items, policies. */
public final class ReferenceData {

    private ReferenceData() {
    }

    public record InstitutionBody(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "^[1-9]\\d{5}$", message = "must be a 6-digit region code, e.g. 150400")
            String region,
            @NotNull @Min(1) @Max(3) Integer level,
            @NotNull InstitutionKind kind,
            @NotNull Boolean designated,
            @NotNull Boolean remoteNetworked) {
    }

    public record InstitutionView(String code, String name, String region, int level, InstitutionKind kind,
                                  boolean designated, boolean remoteNetworked, Instant updatedAt) {
        static InstitutionView of(Institution i) {
            return new InstitutionView(i.code, i.name, i.region, i.level, i.kind, i.designated, i.remoteNetworked,
                    i.updatedAt);
        }
    }

    /** A national catalogue item; {@code preSelfPayShare} is its own first self-pay share (NHSA selfpay_prop). */
    public record CatalogBody(@NotBlank @Size(max = 200) String name, @NotNull Category category,
                              @NonNegativeAmount BigDecimal priceLimit,
                              @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4)
                              BigDecimal preSelfPayShare) {

        public CatalogBody(String name, Category category, BigDecimal priceLimit) {
            this(name, category, priceLimit, null);
        }
    }

    /** What a province decides differently for an item (省级目录); a field left out keeps the national one. */
    public record RegionEntryBody(Category category, @NonNegativeAmount BigDecimal priceLimit,
                                  @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4)
                                  BigDecimal preSelfPayShare) {
    }

    public record RegionEntryView(String itemCode, String province, Category category, BigDecimal priceLimit,
                                  BigDecimal preSelfPayShare, Instant updatedAt) {
        static RegionEntryView of(CatalogRegionEntry e) {
            return new RegionEntryView(e.key.itemCode(), e.key.province(), e.category, e.priceLimit,
                    e.preSelfPayShare, e.updatedAt);
        }
    }

    /** An item as it applies: nationally ({@code province} null) or for care in a province. */
    public record CatalogView(String itemCode, String name, Category category, BigDecimal priceLimit,
                              BigDecimal preSelfPayShare, String province, Instant updatedAt) {
        static CatalogView of(CatalogItem c) {
            return new CatalogView(c.itemCode, c.name, c.category, c.priceLimit, c.preSelfPayShare, null, c.updatedAt);
        }
    }
}
