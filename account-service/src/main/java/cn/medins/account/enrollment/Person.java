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

    /**
     * The person with this ID number under its row lock, inserted first when new, without ever raising
     * a unique violation (which would doom the transaction): concurrent enrollments of one ID number queue.
     */
    public static Person lockOrCreate(String idNumber, String name, Instant at) {
        getEntityManager().createNativeQuery("insert into {h-schema}person (id_number, name, created_at) "
                        + "values (?1, ?2, ?3) on conflict (id_number) do nothing")
                .setParameter(1, idNumber).setParameter(2, name).setParameter(3, at).executeUpdate();
        return find("idNumber", idNumber).<Person>withLock(LockModeType.PESSIMISTIC_WRITE).singleResult();
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
