package cn.medins.account.assistance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * An identity (人员身份) of a person in hardship, valid from {@code validFrom} to {@code validTo}
 * (null: open-ended, never skipped), unless the agency ended it: from {@code endedOn} on it is no
 * longer valid. Rows are never deleted, so what was valid on a past date can always be answered.
 */
@Entity
@Table(name = "assistance_identity")
public class AssistanceIdentity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssistanceCategory category;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IdentitySource source;

    @Column(name = "document_ref")
    public String documentRef;

    /** The import it came from, or null when the agency registered it. */
    @Column(name = "import_id")
    public Long importId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The last day it is valid (its end, or the day before it was ended); null: open-ended. */
    public LocalDate lastDay() {
        if (endedOn == null) {
            return validTo;
        }
        LocalDate dayBefore = endedOn.minusDays(1);
        return validTo == null || dayBefore.isBefore(validTo) ? dayBefore : validTo;
    }

    public boolean validOn(LocalDate date) {
        LocalDate last = lastDay();
        return !date.isBefore(validFrom) && (last == null || !date.isAfter(last));
    }

    /** Whether it is valid on any day of {@code from..to} (to null: open-ended); one ended before it began never is. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        LocalDate last = lastDay();
        if (last != null && last.isBefore(validFrom)) {
            return false;
        }
        return (to == null || !to.isBefore(validFrom)) && (last == null || !last.isBefore(from));
    }

    public static List<AssistanceIdentity> ofPerson(long personId) {
        return list("personId = ?1 order by validFrom, id", personId);
    }

    public static List<AssistanceIdentity> ofPersons(Collection<Long> personIds) {
        return list("personId in ?1 order by personId, validFrom, id", personIds);
    }
}
