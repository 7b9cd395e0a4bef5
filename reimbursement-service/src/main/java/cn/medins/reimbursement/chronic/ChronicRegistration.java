package cn.medins.reimbursement.chronic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The agency's registration (认定) of a person's chronic or special outpatient disease (门诊慢特病):
 * without one valid on the service date, a visit of type 14 is not paid as that disease. Valid from
 * {@code approvedOn} to {@code validUntil} (open-ended when null); ending it early sets {@code endedOn},
 * the first day it no longer covers.
 */
@Entity
@Table(name = "chronic_registration")
public class ChronicRegistration extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(name = "disease_code", nullable = false)
    public String diseaseCode;

    @Column(name = "approved_on", nullable = false)
    public LocalDate approvedOn;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean validOn(LocalDate date) {
        return !date.isBefore(approvedOn) && (validUntil == null || !date.isAfter(validUntil))
                && (endedOn == null || date.isBefore(endedOn));
    }

    /** The last day it covers, or null while open-ended. */
    public LocalDate lastDay() {
        LocalDate beforeEnd = endedOn == null ? null : endedOn.minusDays(1);
        if (validUntil == null) {
            return beforeEnd;
        }
        return beforeEnd == null || validUntil.isBefore(beforeEnd) ? validUntil : beforeEnd;
    }

    /** Whether this registration and the period from {@code from} to {@code until} (null: open) share a day. */
    public boolean overlaps(LocalDate from, LocalDate until) {
        LocalDate last = lastDay();
        boolean endsBefore = last != null && last.isBefore(from);
        boolean startsAfter = until != null && approvedOn.isAfter(until);
        return !endsBefore && !startsAfter && (last == null || !last.isBefore(approvedOn));
    }

    /** End it from {@code day} on: not valid that day or later. */
    public void endFrom(LocalDate day) {
        if (endedOn == null || day.isBefore(endedOn)) {
            endedOn = day;
        }
    }

    public static List<ChronicRegistration> of(long personId) {
        return list("personId = ?1 order by id", personId);
    }

    public static boolean registered(long personId, String diseaseCode, LocalDate date) {
        return ChronicRegistration.<ChronicRegistration>list("personId = ?1 and diseaseCode = ?2", personId, diseaseCode)
                .stream().anyMatch(r -> r.validOn(date));
    }
}
