package cn.medins.account.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An enrollment (参保): one insurance type, person type and insured region (参保地) over a span of
 * time. A transfer (转移接续) ends one and starts the next; at most one is active.
 */
@Entity
public class Enrollment extends PanacheEntityBase {

    public enum Status { ACTIVE, TERMINATED }

    /** The end reason of an enrollment ended by retirement (在职转退休). */
    public static final String RETIRED = "RETIRED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Enumerated(EnumType.STRING)
    @Column(name = "insurance_type", nullable = false)
    public InsuranceType insuranceType;

    @Enumerated(EnumType.STRING)
    @Column(name = "person_type", nullable = false)
    public PersonType personType;

    @Column(name = "insured_region", nullable = false)
    public String insuredRegion;

    @Column(name = "enrolled_on", nullable = false)
    public LocalDate enrolledOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "end_reason")
    public String endReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public static Enrollment start(long personId, InsuranceType type, PersonType personType, String region,
                                   LocalDate on) {
        Enrollment e = new Enrollment();
        e.personId = personId;
        e.insuranceType = type;
        e.personType = personType;
        e.insuredRegion = region;
        e.enrolledOn = on;
        e.status = Status.ACTIVE;
        e.persist();
        return e;
    }

    public void end(LocalDate on, String reason) {
        endedOn = on;
        endReason = reason;
        status = Status.TERMINATED;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(enrolledOn) && (endedOn == null || date.isBefore(endedOn));
    }

    public boolean isEmployee() {
        return insuranceType == InsuranceType.EMPLOYEE;
    }

    public static Optional<Enrollment> active(long personId) {
        return find("personId = ?1 and status = ?2", personId, Status.ACTIVE).firstResultOptional();
    }

    /** Every active retiree's enrollment, by person. */
    public static List<Enrollment> activeRetirees() {
        return list("status = ?1 and personType = ?2 order by personId", Status.ACTIVE, PersonType.RETIRED);
    }

    /** The latest enrollment: the active one, or the last that ended. */
    public static Optional<Enrollment> current(long personId) {
        return find("personId = ?1 order by enrolledOn desc, id desc", personId).firstResultOptional();
    }

    /** The day the person retired from service, if they did (not when enrolled as a retiree). */
    public static Optional<LocalDate> retiredOn(long personId) {
        return find("personId = ?1 and endReason = ?2 order by endedOn desc", personId, RETIRED)
                .<Enrollment>firstResultOptional().map(e -> e.endedOn);
    }

    /** The enrollment in force on a date, if any. */
    public static Optional<Enrollment> on(long personId, LocalDate date) {
        return find("personId = ?1 and enrolledOn <= ?2 and (endedOn is null or endedOn > ?2) order by id desc",
                personId, date).firstResultOptional();
    }
}
