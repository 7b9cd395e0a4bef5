package cn.medins.reimbursement.chronic;

import cn.medins.common.lock.HoldsWriterSlot;
import cn.medins.common.lock.AdvisoryLock;
import cn.medins.common.problem.ProblemException;
import cn.medins.reimbursement.client.AccountGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** 门诊慢特病 registrations (认定): the agency registers, lists and ends them. */
@ApplicationScoped
public class ChronicConditionService {

    @Inject
    Clock clock;

    @Inject
    AccountGateway accounts;

    /** 404 for a person account-service does not know (asked outside any transaction). */
    public void requirePerson(long personId) {
        try {
            accounts.eligibility(personId, LocalDate.now(clock));
        } catch (ProblemException e) {
            if ("UNKNOWN_PERSON".equals(e.code())) {
                throw ProblemException.notFound("PERSON_NOT_FOUND", "No insured person " + personId + ".");
            }
            throw e;
        }
    }

    /** A second registration of the same disease for days already covered is a 409. */
    @HoldsWriterSlot
    @Transactional
    public ChronicRegistration register(long personId, String diseaseCode, LocalDate approvedOn, LocalDate validUntil) {
        if (validUntil != null && validUntil.isBefore(approvedOn)) {
            throw ProblemException.invalid("validUntil", "must not be before approvedOn");
        }
        AdvisoryLock.CHRONIC_REGISTRATION.lock(ChronicRegistration.getEntityManager(), personId + "/" + diseaseCode);
        ChronicRegistration.of(personId).stream()
                .filter(r -> r.diseaseCode.equals(diseaseCode) && r.overlaps(approvedOn, validUntil)).findFirst()
                .ifPresent(r -> {
                    throw ProblemException.conflict("CHRONIC_CONDITION_ALREADY_REGISTERED", "Person " + personId
                            + " already has registration " + r.id + " of " + diseaseCode + " for some of these days.");
                });
        ChronicRegistration r = new ChronicRegistration();
        r.personId = personId;
        r.diseaseCode = diseaseCode;
        r.approvedOn = approvedOn;
        r.validUntil = validUntil;
        r.createdAt = clock.instant();
        r.persist();
        return r;
    }

    public List<ChronicRegistration> list(long personId) {
        return ChronicRegistration.of(personId);
    }

    /** Ends a registration from today: care before today keeps it, care from today on does not. */
    @HoldsWriterSlot
    @Transactional
    public ChronicRegistration end(long personId, long registrationId) {
        ChronicRegistration r = ChronicRegistration.findById(registrationId);
        if (r == null || r.personId != personId) {
            throw ProblemException.notFound("CHRONIC_REGISTRATION_NOT_FOUND", "Person " + personId
                    + " has no chronic condition registration " + registrationId + ".");
        }
        r.endFrom(LocalDate.now(clock));
        return r;
    }
}
