package cn.medins.account.person;

import cn.medins.common.lock.HoldsWriterSlot;
import cn.medins.account.account.EntryType;
import cn.medins.account.account.PersonalAccount;
import cn.medins.account.config.AccountConfig;
import cn.medins.account.contribution.Contribution;
import cn.medins.account.enrollment.Enrollment;
import cn.medins.account.enrollment.EnrollmentStatus;
import cn.medins.account.enrollment.InsuranceType;
import cn.medins.account.enrollment.Person;
import cn.medins.account.enrollment.PersonType;
import cn.medins.account.enrollment.ResidentIdNumber;
import cn.medins.common.money.Money;
import cn.medins.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** Enrollment (参保), eligibility for benefits on a date, and transfers (转移接续). */
@ApplicationScoped
public class PersonService {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    AccountConfig rules;

    /** A person with the enrollment that describes them now, and their status today. */
    public record PersonView(Person person, Enrollment enrollment, EnrollmentStatus status) {
    }

    /** The eligibility answer, with the enrollment it was decided on. */
    public record Eligibility(long personId, LocalDate date, Coverage coverage, Enrollment enrollment) {
    }

    @HoldsWriterSlot
    @Transactional
    public PersonView enroll(String idNumber, String name, InsuranceType type, PersonType personType, String region,
                             LocalDate enrolledOn) {
        ResidentIdNumber.problem(idNumber, LocalDate.now(clock)).ifPresent(p -> {
            throw ProblemException.invalid("idNumber", p);
        });
        if (!personType.fits(type)) {
            throw ProblemException.invalid("personType", personType + " does not go with insurance type "
                    + type.code() + ": use IN_SERVICE, RETIRED or FLEXIBLE with 310 and RESIDENT with 390");
        }
        Person person = Person.lockOrCreate(idNumber, name, clock.instant());
        Enrollment.active(person.id).ifPresent(active -> {
            throw ProblemException.conflict("DUPLICATE_ENROLLMENT", "This ID number is already actively enrolled "
                    + "(insurance " + active.insuranceType.code() + " in region " + active.insuredRegion + " since "
                    + active.enrolledOn + "): duplicate insurance (重复参保) is not allowed.");
        });
        person.name = name;
        Enrollment enrollment = Enrollment.start(person.id, type, personType, region, enrolledOn);
        if (type == InsuranceType.EMPLOYEE && PersonalAccount.findById(person.id) == null) {
            PersonalAccount.open(person.id, clock.instant());
        }
        return new PersonView(person, enrollment, EnrollmentStatus.ACTIVE);
    }

    public PersonView get(long personId) {
        Person person = Person.require(personId);
        // the enrollment in force today (a retirement or transfer dated later is not yet in force)
        Enrollment enrollment = Enrollment.on(personId, LocalDate.now(clock))
                .or(() -> Enrollment.current(personId)).orElseThrow();
        boolean ended = enrollment.endedOn != null && !LocalDate.now(clock).isBefore(enrollment.endedOn);
        EnrollmentStatus status = ended ? EnrollmentStatus.TERMINATED : decide(enrollment, LocalDate.now(clock)).status();
        return new PersonView(person, enrollment, status);
    }

    public PersonView byIdNumber(String idNumber) {
        ResidentIdNumber.problem(idNumber, LocalDate.now(clock)).ifPresent(p -> {
            throw ProblemException.invalid("idNumber", p);
        });
        Person person = Person.byIdNumber(idNumber).orElseThrow(() ->
                ProblemException.notFound("PERSON_NOT_FOUND", "No insured person has this ID number."));
        return get(person.id);
    }

    public Eligibility eligibility(long personId, LocalDate date) {
        Optional<Enrollment> onDate = Enrollment.on(personId, date);
        if (onDate.isPresent()) {
            // an enrollment exists only for a registered person (its foreign key): no look-up of the person
            return new Eligibility(personId, date, decide(onDate.get(), date), onDate.get());
        }
        Person.require(personId);
        Enrollment current = Enrollment.current(personId).orElseThrow();
        Coverage coverage = current.endedOn != null && !date.isBefore(current.endedOn)
                ? new Coverage(false, "ENROLLMENT_ENDED", "The enrollment ended on " + current.endedOn + " ("
                + current.endReason + ").", EnrollmentStatus.TERMINATED)
                : new Coverage(false, "NOT_ENROLLED", "Not enrolled on " + date + "; the enrollment starts on "
                + current.enrolledOn + ".", EnrollmentStatus.ACTIVE);
        return new Eligibility(personId, date, coverage, current);
    }

    private Coverage decide(Enrollment enrollment, LocalDate date) {
        if (enrollment.personType == PersonType.RETIRED) {
            return coverageRules().retiree();
        }
        if (enrollment.isEmployee()) {
            return coverageRules().employee(Contribution.monthsOf(enrollment.personId), date);
        }
        Optional<LocalDate> paidOn = Contribution.forYear(enrollment.personId, date.getYear()).map(c -> c.paidOn);
        return coverageRules().resident(paidOn, date);
    }

    /** Moves the enrollment to another region; the personal account's balance moves with it. */
    @HoldsWriterSlot
    @Transactional
    public Transfer transfer(long personId, String toRegion, LocalDate effectiveOn) {
        Person.lockRequired(personId);
        Enrollment from = Enrollment.active(personId).orElseThrow(() -> ProblemException.rule("NOT_ENROLLED",
                "The person has no active enrollment to transfer."));
        if (from.insuredRegion.equals(toRegion)) {
            throw ProblemException.rule("SAME_REGION", "The person is already insured in region " + toRegion + ".");
        }
        if (effectiveOn.isBefore(from.enrolledOn)) {
            throw ProblemException.invalid("effectiveOn", "must not be before the enrollment began on "
                    + from.enrolledOn);
        }
        from.end(effectiveOn, "TRANSFERRED_OUT");
        em.flush(); // the old enrollment must be inactive before the new one is inserted
        Enrollment.start(personId, from.insuranceType, from.personType, toRegion, effectiveOn);

        Transfer transfer = new Transfer();
        transfer.personId = personId;
        transfer.fromRegion = from.insuredRegion;
        transfer.toRegion = toRegion;
        transfer.effectiveOn = effectiveOn;
        transfer.createdAt = clock.instant();
        transfer.amountMoved = PersonalAccount.lock(personId)
                .filter(account -> account.balance.signum() > 0)
                .map(account -> moveBalance(account, transfer))
                .orElse(Money.ZERO);
        transfer.persist();
        return transfer;
    }

    /**
     * 在职转退休: ends the in-service (or flexible) enrollment the day before {@code effectiveOn} and starts
     * a RETIRED one in the same region on it, as a transfer does for a region; the account stays.
     */
    @HoldsWriterSlot
    @Transactional
    public Enrollment retire(long personId, LocalDate effectiveOn) {
        Person.lockRequired(personId);
        Enrollment working = Enrollment.active(personId)
                .filter(e -> e.isEmployee() && e.personType != PersonType.RETIRED)
                .orElseThrow(() -> ProblemException.rule("NOT_AN_ACTIVE_EMPLOYEE", "Person " + personId
                        + " is not an actively enrolled employee (310, in service or flexible): residents and "
                        + "retirees do not retire."));
        if (!effectiveOn.isAfter(working.enrolledOn)) {
            throw ProblemException.invalid("effectiveOn", "must be after the enrollment began on " + working.enrolledOn);
        }
        java.time.YearMonth first = java.time.YearMonth.from(effectiveOn);
        Contribution.monthsOf(personId).stream().filter(m -> !m.isBefore(first)).findFirst().ifPresent(m -> {
            throw ProblemException.invalid("effectiveOn", "the contribution for " + m + " is paid: retirement "
                    + "takes effect in a month after the last contributed one");
        });
        working.end(effectiveOn, Enrollment.RETIRED);
        em.flush(); // the working enrollment must be inactive before the retired one is inserted
        return Enrollment.start(personId, working.insuranceType, PersonType.RETIRED, working.insuredRegion,
                effectiveOn);
    }

    private BigDecimal moveBalance(PersonalAccount account, Transfer transfer) {
        account.requireActive();
        BigDecimal amount = account.balance;
        String reference = "TRANSFER-" + transfer.fromRegion + "-" + transfer.toRegion + "-" + transfer.effectiveOn;
        account.debit(clock.instant(), EntryType.TRANSFER_OUT, amount, reference, null, null,
                "Transferred out of region " + transfer.fromRegion);
        account.credit(clock.instant(), EntryType.TRANSFER_IN, amount, reference,
                "Transferred in to region " + transfer.toRegion);
        return amount;
    }

    private CoverageRules coverageRules() {
        return new CoverageRules(rules.arrearsMaxGapMonths(), rules.arrearsWaitingMonths(), rules.residentWaitingDays());
    }
}
