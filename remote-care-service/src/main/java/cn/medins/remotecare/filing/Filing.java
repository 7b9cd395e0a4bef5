package cn.medins.remotecare.filing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A remote-care filing (异地就医备案): who, where to (a province or a city), why, from when until
 * when ({@code validUntil} null: until cancelled), and whether the personal account may pay there
 * (异地使用个人账户).
 */
@Entity
public class Filing extends PanacheEntityBase {

    public enum Status { ACTIVE, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(name = "insured_region", nullable = false)
    public String insuredRegion;

    @Column(name = "insurance_type", nullable = false)
    public String insuranceType;

    @Column(name = "destination_region", nullable = false)
    public String destinationRegion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FilingType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FilingReason reason;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "treatment_date")
    public LocalDate treatmentDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "proof_kind")
    public ProofKind proofKind;

    @Column(name = "proof_number")
    public String proofNumber;

    @Column(name = "personal_account_enabled", nullable = false)
    public boolean personalAccountEnabled;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** From this day on a cancelled filing covers nothing; care before it stays covered. */
    @Column(name = "cancelled_on")
    public LocalDate cancelledOn;

    /** Whether the filing covers care in {@code region} on {@code date}. */
    public boolean covers(String region, LocalDate date) {
        boolean inForce = status == Status.ACTIVE || date.isBefore(cancelledOn);
        return inForce && Regions.covers(destinationRegion, region) && !date.isBefore(validFrom)
                && (validUntil == null || !date.isAfter(validUntil));
    }

    /** Whether the validity periods of two filings share a day. */
    public boolean overlapsInTime(LocalDate from, LocalDate until) {
        boolean startsBeforeOtherEnds = until == null || !validFrom.isAfter(until);
        boolean endsAfterOtherStarts = validUntil == null || !validUntil.isBefore(from);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }

    public static List<Filing> ofPerson(long personId) {
        return list("personId = ?1 order by id", personId);
    }

    public static List<Filing> activeOf(long personId) {
        return list("personId = ?1 and status = ?2 order by id", personId, Status.ACTIVE);
    }
}
