package cn.medins.reimbursement.visit;

import cn.medins.common.lock.HoldsWriterSlot;
import cn.medins.common.problem.ProblemException;
import cn.medins.common.problem.UniqueKey;
import cn.medins.reimbursement.calculation.MedicalType;
import cn.medins.reimbursement.settlement.AdmissionCover;
import cn.medins.reimbursement.settlement.AdmittedVisit;
import cn.medins.reimbursement.settlement.VisitAdmission;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A visit's life but its fee lines: admission (入院办理 / 挂号) with the cover decided on its date, reading,
 * discharge (出院办理) and withdrawal (入院撤销); and the visit as settlement reads it.
 */
@ApplicationScoped
public class VisitService {

    @Inject
    VisitAdmission admission;

    @Inject
    VisitRepository visits;

    @Inject
    FeeLineRepository lines;

    @Inject
    VisitWrites writes;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /**
     * Admits the visit: the cover is decided first (account-service, remote-care-service), then the visit is
     * stored; a live visit of the same id is 409 VISIT_EXISTS.
     */
    public Visit admit(AdmissionRequest r) {
        checkDates(r, LocalDate.now(clock));
        AdmissionCover cover = admission.admit(r.institutionCode(), r.personId(), r.medicalType(), r.coverDate(),
                r.medicalType() == MedicalType.CHRONIC_OUTPATIENT ? r.diseaseCode() : null);
        try {
            return writes.insert(r, cover, json(cover));
        } catch (RuntimeException e) {
            if (!UniqueKey.violated(e, Visit.ONCE_LIVE)) {
                throw e;
            }
            throw visits.findLive(r.institutionCode(), r.visitId()).map(VisitProblems::exists).orElseThrow(() -> e);
        }
    }

    /** The live visit of this id, else its latest withdrawn one; 404 when there is none. */
    public Visit get(String institutionCode, String visitId) {
        return visits.find(institutionCode, visitId).orElseThrow(() -> VisitProblems.notFound(institutionCode, visitId));
    }

    public VisitResponse response(Visit v) {
        return VisitResponse.of(v, lines.sums(v.id));
    }

    /** The live visit as settlement reads it (a withdrawn one is 409 VISIT_WITHDRAWN). */
    public AdmittedVisit admitted(String institutionCode, String visitId) {
        Visit v = get(institutionCode, visitId);
        if (v.status == VisitStatus.WITHDRAWN) {
            throw VisitProblems.withdrawn(v);
        }
        return admitted(v);
    }

    AdmittedVisit admitted(Visit v) {
        AdmissionCover cover;
        try {
            cover = mapper.readValue(v.coverSnapshot, AdmissionCover.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("visit " + v.id + " holds an unreadable cover", e);
        }
        return new AdmittedVisit(v.id, v.institutionCode, v.visitId, v.personId, v.medicalType, v.admissionDate,
                v.dischargeDate, v.serviceDate, v.diseaseCode, cover);
    }

    /** 出院办理: sets (or corrects) the discharge date of an open stay. */
    @HoldsWriterSlot
    @Transactional
    public Visit discharge(String institutionCode, String visitId, LocalDate date) {
        Visit v = open(institutionCode, visitId);
        if (!v.inpatient()) {
            throw VisitProblems.notInpatient(v);
        }
        if (date.isBefore(v.admissionDate)) {
            throw ProblemException.invalid("dischargeDate", "must not be before the admission date " + v.admissionDate);
        }
        if (date.isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalid("dischargeDate", "cannot be in the future");
        }
        LocalDate lastFee = lines.lastFeeDate(v.id);
        if (lastFee != null && date.isBefore(lastFee)) {
            throw ProblemException.invalid("dischargeDate", "must not be before the latest fee line's feeDate "
                    + lastFee + " (revoke or correct that line first)");
        }
        v.dischargeDate = date;
        v.updatedAt = clock.instant();
        return v;
    }

    /**
     * 入院撤销: withdraws an open visit (nothing settled: a cancelled settlement leaves it open). A visit
     * already withdrawn is answered as it is, so that a retry after a lost answer does no harm.
     */
    @HoldsWriterSlot
    @Transactional
    public Visit withdraw(String institutionCode, String visitId) {
        Visit v = visits.lock(institutionCode, visitId).orElseThrow(() -> VisitProblems.notFound(institutionCode, visitId));
        if (v.status == VisitStatus.SETTLED) {
            throw VisitProblems.settled(v);
        }
        if (v.status == VisitStatus.OPEN) {
            v.status = VisitStatus.WITHDRAWN;
            v.updatedAt = clock.instant();
        }
        return v;
    }

    /** The live visit under its lock, open (not settled, not withdrawn). */
    @Transactional(Transactional.TxType.MANDATORY)
    Visit open(String institutionCode, String visitId) {
        Visit v = visits.lock(institutionCode, visitId).orElseThrow(() -> VisitProblems.notFound(institutionCode, visitId));
        return switch (v.status) {
            case OPEN -> v;
            case SETTLED -> throw VisitProblems.settled(v);
            case WITHDRAWN -> throw VisitProblems.withdrawn(v);
        };
    }

    private static void checkDates(AdmissionRequest r, LocalDate today) {
        String field = r.medicalType() == MedicalType.INPATIENT ? "admissionDate" : "serviceDate";
        if (r.coverDate() == null) {
            throw ProblemException.invalid(field, "is required for this medical type");
        }
        if (r.coverDate().isAfter(today)) {
            throw ProblemException.invalid(field, "cannot be in the future");
        }
        if (r.medicalType() == MedicalType.CHRONIC_OUTPATIENT && r.diseaseCode() == null) {
            throw ProblemException.invalid("diseaseCode", "is required for a chronic/special outpatient visit (14)");
        }
    }

    private String json(AdmissionCover cover) {
        try {
            return mapper.writeValueAsString(cover);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new open visit with the cover decided at admission. */
    static Visit newVisit(AdmissionRequest r, AdmissionCover cover, String snapshot, Instant now) {
        Visit v = new Visit();
        v.institutionCode = r.institutionCode();
        v.visitId = r.visitId();
        v.personId = r.personId();
        v.medicalType = r.medicalType();
        v.status = VisitStatus.OPEN;
        v.admissionDate = r.medicalType() == MedicalType.INPATIENT ? r.admissionDate() : null;
        v.serviceDate = r.medicalType() == MedicalType.INPATIENT ? null : r.serviceDate();
        v.diseaseCode = r.medicalType() == MedicalType.CHRONIC_OUTPATIENT ? r.diseaseCode() : null;
        v.coverEligible = cover.eligible();
        v.coverMode = cover.mode().name();
        v.coverFilingId = cover.filingId();
        v.coverReason = cover.reason();
        v.coverSnapshot = snapshot;
        v.createdAt = now;
        v.updatedAt = now;
        return v;
    }
}
