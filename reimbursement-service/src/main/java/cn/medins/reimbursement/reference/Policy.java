package cn.medins.reimbursement.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Optional;

/**
 * One version of a region's policy for an insurance type and year. A change is a new version; a
 * settlement records the version it used, so it can always be explained later.
 */
@Entity
public class Policy extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "insured_region", nullable = false)
    public String insuredRegion;

    @Column(name = "insurance_type", nullable = false)
    public String insuranceType;

    @Column(name = "policy_year", nullable = false)
    public int year;

    @Column(nullable = false)
    public int version;

    /** The policy document as JSON (docs/api.md). */
    @Column(nullable = false)
    public String document;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Policy> latest(String region, String insuranceType, int year) {
        return find("insuredRegion = ?1 and insuranceType = ?2 and year = ?3 order by version desc",
                region, insuranceType, year).firstResultOptional();
    }
}
