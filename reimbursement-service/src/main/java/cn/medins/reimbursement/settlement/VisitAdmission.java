package cn.medins.reimbursement.settlement;

import cn.medins.common.problem.ProblemException;
import cn.medins.reimbursement.calculation.MedicalType;
import cn.medins.reimbursement.calculation.PolicyDocument;
import cn.medins.reimbursement.client.AccountGateway;
import cn.medins.reimbursement.reference.Institution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settlement side of a visit admitted with {@code POST /visits}: the cover decided on the admission
 * or service date (入院办理), the policy its fee lines are classified by, and the visit prepared for the
 * saga from what was stored, without asking account-service or remote-care-service again.
 */
@ApplicationScoped
public class VisitAdmission {

    /** Refusals of remote cover that admit the visit uncovered instead of refusing it. */
    private static final Set<String> UNCOVERED = Set.of("REMOTE_FILING_REQUIRED", "INSTITUTION_NOT_NETWORKED");

    @Inject
    SettlementAdmission admission;

    @Inject
    AccountGateway accounts;

    @Inject
    RemoteCover remoteCover;

    @Inject
    Clock clock;

    /**
     * The cover of a person admitted on {@code date}: the institution must be known, designated and offer
     * the medical type, and the insured region must have a policy for the year (refused otherwise: its first
     * self-pay shares classify the fee lines); a person not covered (not eligible, no filing for remote care,
     * the chronic disease not registered) is admitted with the reason the funds will pay nothing.
     */
    public AdmissionCover admit(String institutionCode, long personId, MedicalType type, LocalDate date,
                                String diseaseCode) {
        Institution institution = admission.institution(institutionCode, type);
        AccountGateway.Eligibility person = accounts.eligibility(personId, date);
        String reason = person.eligible() ? null : "the person is not eligible on " + date + " (" + person.reason()
                + ": " + person.detail() + ")";
        RemoteCover.Cover remote;
        try {
            remote = remoteCover.of(institution, person, date, false);
        } catch (ProblemException e) {
            if (!UNCOVERED.contains(e.code())) {
                throw e;
            }
            remote = new RemoteCover.Cover(SettlementMode.REMOTE_UNCOVERED, null, false, e.code() + ": "
                    + e.getMessage());
            reason = reason != null ? reason : "remote care not covered on " + date + " (" + e.getMessage() + ")";
        }
        PolicyDocument document = admission.policy(person, date.getYear(), date).applied().document();
        if (reason == null && diseaseCode != null) {
            ProblemException unregistered = SettlementAdmission.unregisteredDisease(personId, diseaseCode, date, document);
            reason = unregistered == null ? null : unregistered.code() + ": " + unregistered.getMessage();
        }
        return new AdmissionCover(reason == null, remote.mode(), remote.filingId(), reason, person,
                remote.accountAllowed(), remote.note(), Map.copyOf(document.preSelfPayShare()));
    }

    /**
     * The visit as the saga settles it. An inpatient visit is settled after discharge (409 NOT_DISCHARGED);
     * a preview before it is computed as if discharged today (中途预结算), and says so.
     */
    PreparedVisit prepare(AdmittedVisit v, VisitSettlementRequest body, boolean preview) {
        LocalDate discharge = v.dischargeDate();
        boolean provisional = false;
        if (v.medicalType() == MedicalType.INPATIENT && discharge == null) {
            if (!preview) {
                throw SettlementProblems.notDischarged(v);
            }
            discharge = LocalDate.now(clock);
            provisional = true;
        }
        SettlementRequest r = new SettlementRequest(v.personId(), v.institutionCode(), v.visitId(), v.medicalType(),
                v.admissionDate(), discharge, v.serviceDate(), body.injuryCause(), body.useAccount(),
                body.familyPayerPersonId(), List.of(), null, v.diseaseCode());
        Institution institution = admission.institution(v.institutionCode(), v.medicalType());
        AdmissionCover cover = v.cover();
        SettlementAdmission.Policied policied = admission.policy(cover.person(), r.careDate().getYear(), r.coverDate());
        String blocked = SettlementAdmission.causeExcluded(r.cause());
        if (blocked == null && !cover.eligible()) {
            blocked = "not covered at admission (入院时的待遇): " + cover.reason();
        }
        String variants = policied.applied().describe();
        if (provisional) {
            variants = (variants == null ? "" : variants + "; ") + "not yet discharged: computed as if discharged "
                    + discharge + " (中途预结算)";
        }
        return new PreparedVisit(r, institution, cover.person(), policied.policy(), policied.applied().document(),
                Map.of(), cover.remote(), blocked, false, variants, v.ref(), body.expectedTotalAmount());
    }
}
