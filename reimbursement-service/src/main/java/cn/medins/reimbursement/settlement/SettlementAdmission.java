package cn.medins.reimbursement.settlement;

import cn.medins.common.money.Money;
import cn.medins.common.problem.ProblemException;
import cn.medins.reimbursement.calculation.MedicalType;
import cn.medins.reimbursement.calculation.PolicyDocument;
import cn.medins.reimbursement.reference.CatalogService;
import cn.medins.reimbursement.reference.PolicyVariants;
import cn.medins.reimbursement.chronic.ChronicRegistration;
import cn.medins.reimbursement.client.AccountGateway;
import cn.medins.reimbursement.reference.Institution;
import cn.medins.reimbursement.reference.InstitutionKind;
import cn.medins.reimbursement.reference.Policy;
import cn.medins.reimbursement.reference.ReferenceDataService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Admits a visit to settlement, before any transaction: the bill's dates, the institution (known,
 * designated, offering the medical type), the person's eligibility on the date that decides cover,
 * the remote cover, the policy, and for a claim or a chronic visit their own rules.
 */
@ApplicationScoped
public class SettlementAdmission {

    @Inject
    ReferenceDataService reference;

    @Inject
    AccountGateway accounts;

    @Inject
    RemoteCover remoteCover;

    @Inject
    Clock clock;

    @Inject
    PolicyVariants variants;

    @Inject
    CatalogService catalog;

    PreparedVisit prepare(SettlementRequest request, boolean claim) {
        checkRequest(request, claim);
        Institution institution = institution(request.institutionCode(), request.medicalType());
        AccountGateway.Eligibility person = accounts.eligibility(request.personId(), request.coverDate());
        RemoteCover.Cover remote = remoteCover.of(institution, person, request.coverDate(), claim);
        Policied policied = policy(person, request.careDate().getYear(), request.coverDate());
        PolicyDocument document = policied.applied().document();
        if (claim) {
            refuseLateClaim(document, request);
        }
        if (request.chronicDisease() != null) {
            refuseUnregisteredDisease(request, document);
        }
        return new PreparedVisit(request, institution, person, policied.policy(), document,
                catalog.entries(request.lines().stream().map(SettlementRequest.Line::itemCode).toList(),
                        institution.region.substring(0, 2)),
                remote, blockedReason(request, person), claim, policied.applied().describe(), null, null);
    }

    /** The policy of the care's year for the person, with the variants that apply to them on the cover date. */
    record Policied(Policy policy, PolicyVariants.Applied applied) {
    }

    Policied policy(AccountGateway.Eligibility person, int year, LocalDate coverDate) {
        Policy policy = reference.latestPolicy(person.insuredRegion(), person.insuranceType().code(), year)
                .orElseThrow(() -> SettlementProblems.noPolicy(person.insuredRegion(), person.insuranceType().code(),
                        year));
        return new Policied(policy, variants.forPerson(policy, reference.document(policy),
                new PolicyVariants.Person(person.personType(), birthDateIfNeeded(policy, person.personId())), coverDate));
    }

    /** Only a policy with a variant by age needs the person's birth date (one more call to account-service). */
    private LocalDate birthDateIfNeeded(Policy policy, long personId) {
        PolicyDocument base = reference.document(policy);
        boolean byAge = base.variants() != null && base.variants().stream()
                .anyMatch(v -> v.when().byAge());
        return byAge ? accounts.birthDate(personId).orElse(null) : null;
    }

    private void checkRequest(SettlementRequest request, boolean claim) {
        checkDates(request, LocalDate.now(clock));
        if (claim && (request.invoiceNumbers() == null || request.invoiceNumbers().isEmpty())) {
            throw ProblemException.invalid("invoiceNumbers", "a claim needs the invoices (发票) it is for");
        }
        if (request.medicalType() == MedicalType.CHRONIC_OUTPATIENT && request.diseaseCode() == null) {
            throw ProblemException.invalid("diseaseCode", "is required for a chronic/special outpatient visit (14)");
        }
    }

    /** The institution: known, designated, and offering the medical type. */
    Institution institution(String code, MedicalType type) {
        Institution institution = reference.findInstitution(code)
                .orElseThrow(() -> SettlementProblems.unknownInstitution(code));
        if (!institution.designated) {
            throw SettlementProblems.notDesignated(institution);
        }
        boolean pharmacy = institution.kind == InstitutionKind.PHARMACY;
        if (pharmacy != (type == MedicalType.PHARMACY)) {
            throw SettlementProblems.notOffered(institution, pharmacy, type);
        }
        return institution;
    }

    /**
     * 门诊慢特病: paid as the disease only when the agency registered it for the person on the service
     * date and the insured region's policy lists it.
     */
    private static void refuseUnregisteredDisease(SettlementRequest r, PolicyDocument document) {
        ProblemException refusal = unregisteredDisease(r.personId(), r.diseaseCode(), r.serviceDate(), document);
        if (refusal != null) {
            throw refusal;
        }
    }

    /** Why the disease is not paid as 门诊慢特病 on that date, or null when it is. */
    static ProblemException unregisteredDisease(long personId, String diseaseCode, LocalDate date,
                                                PolicyDocument document) {
        if (!ChronicRegistration.registered(personId, diseaseCode, date)) {
            return ProblemException.rule("CHRONIC_CONDITION_NOT_REGISTERED", "Person " + personId + " has no "
                    + "registration (认定) of " + diseaseCode + " valid on " + date + ".");
        }
        if (document.chronicDisease(diseaseCode).isEmpty()) {
            return ProblemException.rule("CHRONIC_DISEASE_NOT_COVERED", "The insured region's policy lists no chronic "
                    + "or special outpatient disease " + diseaseCode + ".");
        }
        return null;
    }

    /** A claim is made within the policy's deadline after the care (discharge or service date), in China's today. */
    private void refuseLateClaim(PolicyDocument document, SettlementRequest r) {
        if (document.claims() == null) {
            return;
        }
        LocalDate last = r.careDate().plusDays(document.claims().deadlineDays());
        if (last.isBefore(LocalDate.now(clock))) {
            throw ProblemException.rule("CLAIM_DEADLINE_PASSED", "Care on " + r.careDate() + " could be claimed until "
                    + last + " (" + document.claims().deadlineDays() + " days, the policy's claims.deadlineDays).");
        }
    }

    private static String blockedReason(SettlementRequest request, AccountGateway.Eligibility person) {
        String cause = causeExcluded(request.cause());
        if (cause != null) {
            return cause;
        }
        if (!person.eligible()) {
            return "the person is not eligible on " + request.coverDate()
                    + (request.medicalType() == MedicalType.INPATIENT ? ", the admission date," : "") + " ("
                    + person.reason() + ": " + person.detail() + ")";
        }
        return null;
    }

    static String causeExcluded(InjuryCause cause) {
        return cause != InjuryCause.ILLNESS ? "injury cause " + cause + " is never paid by the fund (不予支付)" : null;
    }

    private static void checkDates(SettlementRequest r, LocalDate today) {
        if (r.medicalType() == MedicalType.INPATIENT) {
            require("admissionDate", r.admissionDate());
            require("dischargeDate", r.dischargeDate());
            if (r.dischargeDate().isBefore(r.admissionDate())) {
                throw ProblemException.invalid("dischargeDate", "must not be before admissionDate");
            }
        } else {
            require("serviceDate", r.serviceDate());
        }
        if (r.careDate().isAfter(today)) {
            throw ProblemException.invalid(r.medicalType() == MedicalType.INPATIENT ? "dischargeDate" : "serviceDate",
                    "cannot be in the future");
        }
        BigDecimal total = r.lines().stream().map(l -> l.quantity().multiply(l.unitPrice()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(Money.ABSURD) > 0) {
            throw ProblemException.invalid("lines", "the bill totals more than " + Money.ABSURD);
        }
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw ProblemException.invalid(field, "is required for this medical type");
        }
    }
}
