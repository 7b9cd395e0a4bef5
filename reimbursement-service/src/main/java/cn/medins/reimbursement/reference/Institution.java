package cn.medins.reimbursement.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;

/** A medical institution or pharmacy; only designated (定点) ones settle with the fund. */
@Entity
public class Institution extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String region;

    @Column(nullable = false)
    public int level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InstitutionKind kind;

    @Column(nullable = false)
    public boolean designated;

    /** 跨省联网: settles remote care directly. */
    @Column(name = "remote_networked", nullable = false)
    public boolean remoteNetworked;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The level the policy applies: a PRIMARY institution counts as level 1. */
    public int policyLevel() {
        return kind == InstitutionKind.PRIMARY ? 1 : level;
    }

    /** Same prefecture (first 4 digits of the region code) as the insured region: local care. */
    public boolean isLocalTo(String insuredRegion) {
        return region.substring(0, 4).equals(insuredRegion.substring(0, 4));
    }
}
