package cn.medins.account.enrollment;

import cn.medins.common.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;

/** An insured person (参保人), one per resident ID number, whatever their enrollments. */
@Entity
public class Person extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "id_number", nullable = false, unique = true)
    public String idNumber;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Person> byIdNumber(String idNumber) {
        return find("idNumber", idNumber).firstResultOptional();
    }

    /** Locks the person's row: serialises enrollments, contributions and transfers of one person. */
    public static Optional<Person> lock(long id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The person, or 404 PERSON_NOT_FOUND. */
    public static Person require(long personId) {
        Person person = findById(personId);
        if (person == null) {
            throw notFound(personId);
        }
        return person;
    }

    /** The person under its row lock (concurrent changes of one person queue), or 404 PERSON_NOT_FOUND. */
    public static Person lockRequired(long personId) {
        return lock(personId).orElseThrow(() -> notFound(personId));
    }

    public static ProblemException notFound(long personId) {
        return ProblemException.notFound("PERSON_NOT_FOUND", "No insured person with id " + personId + ".");
    }
}
