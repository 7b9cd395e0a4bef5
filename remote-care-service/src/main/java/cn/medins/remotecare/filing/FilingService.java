package cn.medins.remotecare.filing;

import cn.medins.common.lock.HoldsWriterSlot;
import cn.medins.common.lock.AdvisoryLock;
import cn.medins.common.problem.ProblemException;
import cn.medins.remotecare.client.AccountGateway;
import cn.medins.remotecare.config.RemoteCareConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;

/** Remote-care filings (异地就医备案): the rules of docs/rules.md section 6. */
@ApplicationScoped
public class FilingService {

    @Inject
    Clock clock;

    @Inject
    AccountGateway accounts;

    @Inject
    EntityManager em;

    @Inject
    RemoteCareConfig config;

    /** A filing as asked for. */
    public record Request(long personId, String destinationRegion, FilingType type, FilingReason reason,
                          LocalDate startDate, LocalDate endDate, ProofKind proofKind, String proofNumber,
                          boolean personalAccountEnabled, LocalDate treatmentDate) {
    }

    @HoldsWriterSlot
    @Transactional
    public Filing file(Request r) {
        checkShape(r);
        AccountGateway.Person person = accounts.person(r.personId()).orElseThrow(() -> ProblemException.rule(
                "UNKNOWN_PERSON", "account-service knows no person " + r.personId() + "."));
        if (!person.activelyEnrolled()) {
            throw ProblemException.rule("NOT_ACTIVELY_ENROLLED", "Person " + r.personId() + " is not actively "
                    + "enrolled (" + person.status() + "): only insured people can file.");
        }
        if (Regions.isCity(r.destinationRegion()) && Regions.samePrefecture(r.destinationRegion(), person.insuredRegion())) {
            throw ProblemException.rule("DESTINATION_IS_INSURED_REGION", "Region " + r.destinationRegion()
                    + " is the person's insured region (" + person.insuredRegion() + "): care there is local.");
        }
        Filing f = new Filing();
        f.personId = r.personId();
        f.insuredRegion = person.insuredRegion();
        f.insuranceType = person.insuranceType();
        f.destinationRegion = r.destinationRegion();
        f.type = r.type();
        f.reason = r.reason();
        f.startDate = r.startDate();
        f.endDate = r.endDate();
        f.treatmentDate = r.treatmentDate();
        f.proofKind = r.proofKind();
        f.proofNumber = r.proofNumber();
        f.personalAccountEnabled = r.personalAccountEnabled();
        setValidity(f);
        refuseOverlap(f);
        f.status = Filing.Status.ACTIVE;
        f.createdAt = clock.instant();
        f.persist();
        return f;
    }

    private void checkShape(Request r) {
        String d = r.destinationRegion();
        if (!Regions.isProvince(d) && !Regions.isCity(d)) {
            throw ProblemException.invalid("destinationRegion", "must be a province (XX0000) or a city (XXXX00)");
        }
        if (!r.type().accepts(r.reason())) {
            throw ProblemException.invalid("reason", "a " + r.type() + " filing takes one of " + r.type().reasons());
        }
        LocalDate today = LocalDate.now(clock);
        switch (r.type()) {
            case LONG_TERM -> checkLongTerm(r, today);
            case TEMPORARY -> checkTemporary(r, today);
            case EMERGENCY -> checkEmergency(r, today);
            default -> {
            }
        }
    }

    /** 长期异地: proof of residence or work, valid until cancelled, from today on. */
    private static void checkLongTerm(Request r, LocalDate today) {
        if (r.proofKind() == null || r.proofNumber() == null || r.proofNumber().isBlank()) {
            throw ProblemException.invalid("proof", "a LONG_TERM filing needs proof {kind, number}: "
                    + "a residence permit or a work certificate");
        }
        if (r.endDate() != null) {
            throw ProblemException.invalid("endDate", "a LONG_TERM filing is valid until cancelled");
        }
        requireNotPast(r.startDate(), today);
    }

    /** 临时外出: a stay already under way may still be filed for and settled directly at discharge. */
    private void checkTemporary(Request r, LocalDate today) {
        LocalDate earliest = today.minusDays(config.backdateDays());
        if (r.startDate().isBefore(earliest)) {
            throw ProblemException.invalid("startDate", "a TEMPORARY filing may start at most " + config.backdateDays()
                    + " days before today (" + earliest + "): earlier care is claimed, or covered by an EMERGENCY "
                    + "filing");
        }
    }

    /** 急诊抢救: filed after the care, covering the treatment date. */
    private static void checkEmergency(Request r, LocalDate today) {
        if (r.treatmentDate() == null) {
            throw ProblemException.invalid("treatmentDate", "is required for an EMERGENCY filing");
        }
        if (r.treatmentDate().isAfter(today)) {
            throw ProblemException.invalid("treatmentDate", "cannot be in the future");
        }
        if (r.startDate().isAfter(r.treatmentDate())) {
            throw ProblemException.invalid("startDate", "must not be after treatmentDate");
        }
        if (r.endDate() != null && r.endDate().isBefore(r.treatmentDate())) {
            throw ProblemException.invalid("endDate", "must not be before treatmentDate");
        }
    }

    private static void requireNotPast(LocalDate start, LocalDate today) {
        if (start.isBefore(today)) {
            throw ProblemException.invalid("startDate", "must not be in the past: care already given is covered "
                    + "only by an EMERGENCY filing (先就医后补备案)");
        }
    }

    /** LONG_TERM: until cancelled; TEMPORARY: at least N months; EMERGENCY: covers the treatment. */
    private void setValidity(Filing f) {
        f.validFrom = f.startDate;
        switch (f.type) {
            case LONG_TERM -> f.validUntil = null;
            case TEMPORARY -> {
                LocalDate minimum = f.startDate.plusMonths(config.temporaryMinimumMonths()).minusDays(1);
                if (f.endDate != null && f.endDate.isBefore(minimum)) {
                    throw ProblemException.invalid("endDate", "a TEMPORARY filing is valid at least "
                            + config.temporaryMinimumMonths() + " months: not before " + minimum);
                }
                f.validUntil = f.endDate == null ? minimum : f.endDate;
            }
            case EMERGENCY -> f.validUntil = f.endDate == null ? f.treatmentDate : f.endDate;
            default -> throw new IllegalStateException(f.type.name());
        }
    }

    private void refuseOverlap(Filing f) {
        // one person's filings are decided one at a time
        AdvisoryLock.REMOTE_CARE_FILING.lock(em, String.valueOf(f.personId));
        for (Filing other : Filing.activeOf(f.personId)) {
            if (Regions.overlap(other.destinationRegion, f.destinationRegion)
                    && other.overlapsInTime(f.validFrom, f.validUntil)) {
                throw ProblemException.conflict("OVERLAPPING_FILING", "Filing " + other.id + " (" + other.type
                        + " to " + other.destinationRegion + ", " + other.validFrom + " to "
                        + (other.validUntil == null ? "cancellation" : other.validUntil) + ") already covers part of "
                        + "this destination and period; cancel it first.");
            }
        }
    }

    public Filing get(long id) {
        Filing f = Filing.findById(id);
        if (f == null) {
            throw ProblemException.notFound("FILING_NOT_FOUND", "No filing " + id + ".");
        }
        return f;
    }

    @HoldsWriterSlot
    @Transactional
    public Filing cancel(long id) {
        Filing f = get(id);
        if (f.status == Filing.Status.CANCELLED) {
            throw ProblemException.conflict("ALREADY_CANCELLED", "Filing " + id + " was cancelled on " + f.cancelledOn
                    + ".");
        }
        f.status = Filing.Status.CANCELLED;
        f.cancelledOn = LocalDate.now(clock);
        return f;
    }
}
