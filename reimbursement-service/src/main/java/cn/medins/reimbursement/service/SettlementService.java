package cn.medins.reimbursement.service;

import cn.medins.common.idempotency.Idempotency;
import cn.medins.common.money.Money;
import cn.medins.common.problem.ProblemException;
import cn.medins.common.problem.UniqueKey;
import cn.medins.reimbursement.api.SettlementRequest;
import cn.medins.reimbursement.api.SettlementResponse;
import cn.medins.reimbursement.client.AccountGateway;
import cn.medins.reimbursement.client.AccountGateway.Payment;
import cn.medins.reimbursement.client.AccountGateway.PaymentOutcome;
import cn.medins.reimbursement.client.AccountGateway.Refused;
import cn.medins.common.downstream.DownstreamUnavailableException;
import cn.medins.reimbursement.client.RemoteCareGateway;
import cn.medins.reimbursement.domain.Accumulators;
import cn.medins.reimbursement.domain.CatalogItem;
import cn.medins.reimbursement.domain.ChronicRegistration;
import cn.medins.reimbursement.domain.ChronicUse;
import cn.medins.reimbursement.domain.FundBreakdown;
import cn.medins.reimbursement.domain.InjuryCause;
import cn.medins.reimbursement.domain.Institution;
import cn.medins.reimbursement.domain.InstitutionKind;
import cn.medins.reimbursement.domain.MedicalType;
import cn.medins.reimbursement.domain.Policy;
import cn.medins.reimbursement.domain.PolicyDocument;
import cn.medins.reimbursement.domain.Settlement;
import cn.medins.reimbursement.domain.SettlementCalculator;
import cn.medins.reimbursement.domain.SettlementInput;
import cn.medins.reimbursement.domain.SettlementMode;
import cn.medins.reimbursement.domain.SettlementStatus;
import cn.medins.reimbursement.domain.YearlyAccumulator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Settlement as a small saga. Reads first (institution, the person's eligibility on account-service,
 * policy, catalog); then one transaction reserves the fund's part (accumulators locked and updated,
 * settlement stored, PENDING when the account still has to pay); then the account payment on
 * account-service, with a key and reference derived from the settlement so that no retry can pay
 * twice; then a second transaction completes it. A settlement left PENDING (account-service silent,
 * or a crash) is finished or voided by {@link SettlementRecovery}.
 */
@ApplicationScoped
public class SettlementService {

    @Inject
    AccountGateway accounts;

    @Inject
    ReferenceDataService reference;

    @Inject
    AccumulatorStore accumulators;

    @Inject
    RemoteCareGateway remoteCare;

    @Inject
    Idempotency idempotency;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry metrics;

    /** What the calculation needs, fetched before any transaction. */
    record Prepared(SettlementRequest request, Institution institution, AccountGateway.Eligibility person,
                    Policy policy, PolicyDocument document, Map<String, SettlementInput.CatalogEntry> catalog,
                    Remote remote, String blockedReason, boolean claim) {

        SettlementMode mode() {
            return remote.mode();
        }
    }

    /** How the care's place is covered: the mode, the filing, and whether the account may pay there. */
    record Remote(SettlementMode mode, Long filingId, boolean accountAllowed, String note) {
        static final Remote LOCAL = new Remote(SettlementMode.LOCAL, null, true, null);
    }

    /** Computes without effect (预结算). */
    public Settlement preview(SettlementRequest request) {
        Prepared p = prepare(request, false);
        int year = request.careDate().getYear();
        Settlement s = build(p, calculate(p, accumulators.read(request.personId(), year),
                chronicUse(request.personId(), year, request.chronicDisease())));
        if (needsAccount(p, s)) {
            estimateAccount(s);
        }
        return s;
    }

    /**
     * What the counter gets: the settlement made now, or the stored answer to the same request made
     * before with the same Idempotency-Key.
     */
    public record Settled(Settlement settlement, Idempotency.StoredAnswer replay) {

        static Settled now(Settlement settlement) {
            return new Settled(settlement, null);
        }

        static Settled again(Idempotency.StoredAnswer replay) {
            return new Settled(null, replay);
        }

        public boolean replayed() {
            return replay != null;
        }
    }

    /**
     * Settles (结算) once per (institution, visit). A claim (手工报销) is the same for care paid in
     * full where it could not be settled directly.
     */
    public Settled settle(SettlementRequest request, String idempotencyKey, boolean claim) {
        Prepared p = prepare(request, claim);
        Settled reserved;
        try {
            reserved = QuarkusTransaction.requiringNew().call(() -> reserve(p, idempotencyKey));
        } catch (PersistenceException e) {
            throw reserveFailure(e, request);
        }
        if (reserved.replayed()) {
            return reserved;
        }
        Settlement s = reserved.settlement();
        if (s.status == SettlementStatus.PENDING) {
            s = payFromAccount(s);
        }
        count(s);
        return Settled.now(s);
    }

    Prepared prepare(SettlementRequest request, boolean claim) {
        checkDates(request);
        if (claim && (request.invoiceNumbers() == null || request.invoiceNumbers().isEmpty())) {
            throw ProblemException.invalid("invoiceNumbers", "a claim needs the invoices (发票) it is for");
        }
        if (request.medicalType() == MedicalType.CHRONIC_OUTPATIENT && request.diseaseCode() == null) {
            throw ProblemException.invalid("diseaseCode", "is required for a chronic/special outpatient visit (14)");
        }
        Institution institution = reference.findInstitution(request.institutionCode()).orElseThrow(() ->
                ProblemException.rule("UNKNOWN_INSTITUTION", "No institution with code " + request.institutionCode()
                        + " is registered."));
        if (!institution.designated) {
            throw ProblemException.rule("INSTITUTION_NOT_DESIGNATED", institution.name + " is not a designated (定点) "
                    + "institution: the fund and the personal account pay nothing there.");
        }
        refuseWhatTheInstitutionDoesNotOffer(institution, request.medicalType());
        LocalDate date = request.careDate();
        AccountGateway.Eligibility person = accounts.eligibility(request.personId(), request.coverDate());
        Remote remote = remote(institution, person, request.coverDate(), claim);
        Policy policy = reference.latestPolicy(person.insuredRegion(), person.insuranceType().code(), date.getYear())
                .orElseThrow(() -> ProblemException.rule("POLICY_NOT_FOUND", "No policy for insured region "
                        + person.insuredRegion() + ", insurance type " + person.insuranceType().code() + ", year "
                        + date.getYear() + ": the agency must load one (PUT /policies/...) before settling."));
        PolicyDocument document = reference.document(policy);
        if (claim) {
            refuseLateClaim(document, request);
        }
        if (request.chronicDisease() != null) {
            refuseUnregisteredDisease(request, document);
        }
        return new Prepared(request, institution, person, policy, document,
                reference.catalogEntries(request.lines().stream().map(SettlementRequest.Line::itemCode).toList()),
                remote, blockedReason(request, person), claim);
    }

    /**
     * 门诊慢特病: paid as the disease only when the agency registered it for the person on the service
     * date and the insured region's policy lists it.
     */
    private static void refuseUnregisteredDisease(SettlementRequest r, PolicyDocument document) {
        if (!ChronicRegistration.registered(r.personId(), r.diseaseCode(), r.serviceDate())) {
            throw ProblemException.rule("CHRONIC_CONDITION_NOT_REGISTERED", "Person " + r.personId() + " has no "
                    + "registration (认定) of " + r.diseaseCode() + " valid on " + r.serviceDate() + ".");
        }
        if (document.chronicDisease(r.diseaseCode()).isEmpty()) {
            throw ProblemException.rule("CHRONIC_DISEASE_NOT_COVERED", "The insured region's policy lists no chronic "
                    + "or special outpatient disease " + r.diseaseCode() + ".");
        }
    }

    /** A claim is made within the policy's deadline after the care (discharge or service date). */
    private static void refuseLateClaim(PolicyDocument document, SettlementRequest r) {
        if (document.claims() == null) {
            return;
        }
        LocalDate last = r.careDate().plusDays(document.claims().deadlineDays());
        if (last.isBefore(LocalDate.now())) {
            throw ProblemException.rule("CLAIM_DEADLINE_PASSED", "Care on " + r.careDate() + " could be claimed until "
                    + last + " (" + document.claims().deadlineDays() + " days, the policy's claims.deadlineDays).");
        }
    }

    /** A retail pharmacy sells medicines (41) and nothing else; only hospitals and primary institutions admit (21). */
    private static void refuseWhatTheInstitutionDoesNotOffer(Institution institution, MedicalType type) {
        boolean pharmacy = institution.kind == InstitutionKind.PHARMACY;
        if (pharmacy != (type == MedicalType.PHARMACY)) {
            throw ProblemException.rule("MEDICAL_TYPE_NOT_OFFERED", institution.name + (pharmacy
                    ? " is a retail pharmacy (定点零售药店): it settles pharmacy purchases (41) only, not " + type.code()
                    : " is not a pharmacy: pharmacy purchases (41) are settled at a designated retail pharmacy") + ".");
        }
    }

    /**
     * Local care, or remote care as remote-care-service covers it: filed or exempt care is settled
     * directly at a networked institution with the insured region's policy; unfiled care only by a
     * claim, with every ratio lowered by the policy's {@code unfiledRatioReduction}.
     */
    private Remote remote(Institution institution, AccountGateway.Eligibility person, LocalDate date, boolean claim) {
        if (institution.isLocalTo(person.insuredRegion())) {
            if (claim) {
                throw ProblemException.rule("CLAIM_NOT_APPLICABLE", "Care at " + institution.name + " is local to the "
                        + "insured region " + person.insuredRegion() + ": it is settled at the counter, not claimed.");
            }
            return Remote.LOCAL;
        }
        RemoteCareGateway.Coverage coverage = remoteCare.coverage(person.personId(), institution.region, date);
        boolean covered = coverage.covered();
        if (claim) {
            if (covered && institution.remoteNetworked) {
                throw ProblemException.rule("CLAIM_NOT_APPLICABLE", "Care at " + institution.name + " is covered ("
                        + coverage.mode() + ") and the institution is networked: it is settled at the counter.");
            }
            return covered ? direct(coverage, "claimed: the institution does not settle remote care directly")
                    : new Remote(SettlementMode.REMOTE_UNFILED_CLAIM, null, false, "remote care without a filing, "
                    + "claimed with invoices: every ratio lowered by the policy's unfiled reduction");
        }
        if (!covered) {
            throw ProblemException.rule("REMOTE_FILING_REQUIRED", institution.name + " (region " + institution.region
                    + ") is outside the insured region " + person.insuredRegion() + ": " + coverage.reason());
        }
        if (!institution.remoteNetworked) {
            throw ProblemException.rule("INSTITUTION_NOT_NETWORKED", institution.name + " does not settle remote "
                    + "care directly (not 跨省联网): pay in full and claim at the insured region.");
        }
        return direct(coverage, coverage.reason());
    }

    private static Remote direct(RemoteCareGateway.Coverage coverage, String note) {
        SettlementMode mode = "EXEMPT".equals(coverage.mode()) ? SettlementMode.REMOTE_EXEMPT : SettlementMode.REMOTE_FILED;
        return new Remote(mode, coverage.filingId(), coverage.personalAccountEnabled(), mode + ": " + note);
    }

    private static String blockedReason(SettlementRequest request, AccountGateway.Eligibility person) {
        if (request.cause() != InjuryCause.ILLNESS) {
            return "injury cause " + request.cause() + " is never paid by the fund (不予支付)";
        }
        if (!person.eligible()) {
            return "the person is not eligible on " + request.coverDate()
                    + (request.medicalType() == MedicalType.INPATIENT ? ", the admission date," : "") + " ("
                    + person.reason() + ": "
                    + person.detail() + ")";
        }
        return null;
    }

    private static void checkDates(SettlementRequest r) {
        LocalDate today = LocalDate.now();
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

    FundBreakdown calculate(Prepared p, Accumulators acc, ChronicUse chronic) {
        List<SettlementInput.BillLine> lines = p.request().lines().stream()
                .map(l -> new SettlementInput.BillLine(l.itemCode(), l.quantity(), l.unitPrice())).toList();
        return SettlementCalculator.calculate(new SettlementInput(p.document(), p.request().medicalType(),
                p.institution().policyLevel(), lines, p.catalog(), acc, p.person().retired(), p.blockedReason(),
                p.mode() == SettlementMode.REMOTE_UNFILED_CLAIM ? p.document().remote().unfiledRatioReduction() : null,
                p.request().chronicDisease(), chronic));
    }

    private ChronicUse chronicUse(long personId, int year, String diseaseCode) {
        return diseaseCode == null ? ChronicUse.NONE : accumulators.chronic(personId, year, diseaseCode);
    }

    /** Transaction 1: claim the key, lock, compute against the locked accumulators, store. */
    private Settled reserve(Prepared p, String key) {
        Optional<Idempotency.StoredAnswer> replay = idempotency.claim(key, p.request());
        if (replay.isPresent()) {
            return Settled.again(replay.get());
        }
        SettlementRequest r = p.request();
        int year = r.careDate().getYear();
        YearlyAccumulator acc = accumulators.lock(r.personId(), year);
        FundBreakdown b = calculate(p, acc.snapshot(), chronicUse(r.personId(), year, r.chronicDisease()));
        Settlement s = build(p, b);
        s.idempotencyKey = key;
        if (p.claim()) {
            s.submit();
        } else {
            s.reserve(needsAccount(p, s));
        }
        s.persist();
        accumulators.take(acc, s);
        if (p.claim()) {
            holdInvoices(s, r.invoiceNumbers());
        }
        if (s.status != SettlementStatus.PENDING) {
            idempotency.complete(key, 201, SettlementResponse.of(s));
        }
        return Settled.now(s);
    }

    /**
     * Each invoice of an institution is claimed once: an {@code INSERT ... ON CONFLICT DO NOTHING}
     * per invoice (a concurrent claim of the same invoice waits for the first to commit or roll back),
     * and any invoice not inserted is held by a live claim, named in the 409.
     */
    private void holdInvoices(Settlement s, List<String> invoices) {
        for (String invoice : invoices.stream().distinct().toList()) {
            int held = em.createNativeQuery("insert into {h-schema}claim_invoice (institution_code, invoice_number,"
                            + " settlement_id) values (?1, ?2, ?3) on conflict do nothing")
                    .setParameter(1, s.institutionCode).setParameter(2, invoice).setParameter(3, s.id).executeUpdate();
            if (held == 0) {
                Object holder = em.createNativeQuery("select settlement_id from {h-schema}claim_invoice where"
                                + " institution_code = ?1 and invoice_number = ?2 and not released")
                        .setParameter(1, s.institutionCode).setParameter(2, invoice).getResultStream().findFirst()
                        .orElse("another claim");
                throw ProblemException.conflict("DUPLICATE_INVOICE", "Invoice " + invoice + " of " + s.institutionCode
                        + " is already claimed by claim " + holder + ".");
            }
        }
    }

    /** A rejected or cancelled claim's invoices may be claimed again. */
    private void releaseInvoices(Settlement s) {
        em.createNativeQuery("update {h-schema}claim_invoice set released = true where settlement_id = ?1")
                .setParameter(1, s.id).executeUpdate();
    }

    /**
     * A visit settles once: the insert of a second live settlement of it fails on the unique index
     * {@value Settlement#ONCE_PER_VISIT} (a concurrent one waits for the first's transaction), and is
     * answered 409 naming the live settlement, read after the rollback. Any other failure stays as it is.
     */
    private RuntimeException reserveFailure(PersistenceException e, SettlementRequest r) {
        if (!UniqueKey.violated(e, Settlement.ONCE_PER_VISIT)) {
            return e;
        }
        String which = Settlement.<Settlement>find("institutionCode = ?1 and visitId = ?2 and status in ?3",
                        r.institutionCode(), r.visitId(), SettlementStatus.LIVE).firstResultOptional()
                .map(s -> "settlement " + s.id + " (" + s.status + ")").orElse("another settlement");
        return ProblemException.conflict("ALREADY_SETTLED", "Visit " + r.visitId() + " at " + r.institutionCode()
                + " was already settled as " + which + "; cancel it first to settle again.");
    }

    private Settlement build(Prepared p, FundBreakdown b) {
        SettlementRequest r = p.request();
        Settlement s = new Settlement();
        s.personId = r.personId();
        s.institutionCode = r.institutionCode();
        s.visitId = r.visitId();
        s.medicalType = r.medicalType();
        s.mode = p.mode();
        s.filingId = p.remote().filingId();
        s.insuredRegion = p.person().insuredRegion();
        s.insuranceType = p.person().insuranceType().code();
        s.policyId = p.policy().id;
        s.policyVersion = p.policy().version;
        s.year = r.careDate().getYear();
        s.admissionDate = r.admissionDate();
        s.dischargeDate = r.dischargeDate();
        s.serviceDate = r.serviceDate();
        s.injuryCause = r.cause();
        s.diseaseCode = r.chronicDisease();
        s.claim = p.claim();
        s.useAccount = r.useAccount();
        s.familyPayerPersonId = r.familyPayerPersonId();
        s.lines = json(r.lines());
        s.paymentReference = Settlement.newPaymentReference();
        s.createdAt = Instant.now();
        s.apply(b);
        s.note("policy " + s.insuredRegion + "/" + s.insuranceType + "/" + s.year + " version " + s.policyVersion
                + ", institution " + p.institution().code + " level " + p.institution().policyLevel()
                + (p.person().retired() ? ", retiree" : ""));
        if (p.remote().note() != null) {
            s.note(p.remote().note() + " (insured region's policy, 参保地政策)");
        }
        if (p.claim()) {
            s.note("reimbursement claim (手工报销) for invoices " + String.join(", ", r.invoiceNumbers())
                    + ": the person paid in full; once the agency approves, the fund's part is reimbursed to them");
        } else if (wantsAccount(p) && !p.remote().accountAllowed()) {
            s.note("the personal account may not pay in the destination (异地使用个人账户 not enabled): cash");
        } else if (r.useAccount() && r.familyPayerPersonId() == null && !p.person().hasPersonalAccount()) {
            s.note("residents (390) have no personal account: the burden is paid in cash");
        }
        return s;
    }

    private static boolean wantsAccount(Prepared p) {
        boolean ownAccount = p.request().useAccount() && p.person().hasPersonalAccount();
        return p.request().familyPayerPersonId() != null || ownAccount;
    }

    private static boolean needsAccount(Prepared p, Settlement s) {
        return s.personalBurden.signum() > 0 && wantsAccount(p) && p.remote().accountAllowed() && !p.claim();
    }

    private void estimateAccount(Settlement s) {
        try {
            accounts.account(s.payerPersonId()).ifPresentOrElse(a -> {
                BigDecimal paid = a.balance().min(s.personalBurden);
                s.paidFromAccount(paid, a.balance().subtract(paid), null);
                s.note("preview: the account (balance " + a.balance() + ") would pay " + paid);
            }, () -> s.note("preview: person " + s.payerPersonId() + " has no personal account"));
        } catch (DownstreamUnavailableException e) {
            s.note("preview: account-service did not answer; the account part is not estimated");
        }
    }

    /** The remote step: pay the burden from the account, then complete in transaction 2. */
    private Settlement payFromAccount(Settlement s) {
        PaymentOutcome outcome;
        try {
            outcome = accounts.pay(s.payerPersonId(), s.personalBurden, purpose(s.medicalType),
                    s.familyPayerPersonId == null ? null : s.personId, s.paymentReference, "pay-" + s.paymentReference);
        } catch (DownstreamUnavailableException e) {
            count(s);
            throw ProblemException.unavailable("ACCOUNT_SERVICE_UNAVAILABLE", "Settlement " + s.id + " is PENDING: "
                    + "the personal-account payment could not be confirmed because account-service did not answer. "
                    + "It will be completed or voided automatically; GET /settlements/" + s.id + " shows the outcome.");
        }
        return QuarkusTransaction.requiringNew().call(() -> finishReserved(s, outcome));
    }

    /**
     * Transaction 2 of a settlement made now: completes the copy reserved by transaction 1 and stores
     * it with one conditional update; when recovery has already finished or voided the settlement,
     * its outcome is the answer.
     */
    private Settlement finishReserved(Settlement s, PaymentOutcome outcome) {
        complete(s, outcome);
        if (!s.storeCompletion()) {
            return Settlement.findById(s.id);
        }
        idempotency.complete(s.idempotencyKey, 201, SettlementResponse.of(s));
        return s;
    }

    /** Transaction 2 of recovery: record what the account paid and complete, under the row's lock. */
    Settlement finish(long id, PaymentOutcome outcome) {
        Settlement s = Settlement.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s.status != SettlementStatus.PENDING) {
            return s;
        }
        complete(s, outcome);
        if (s.idempotencyKey != null) {
            idempotency.complete(s.idempotencyKey, 201, SettlementResponse.of(s));
        }
        return s;
    }

    /** What the account step did, in the settlement: paid (own or family account) or refused; COMPLETED. */
    private static void complete(Settlement s, PaymentOutcome outcome) {
        if (outcome instanceof Payment payment) {
            s.paidFromAccount(Money.of(payment.paidAmount()), Money.of(payment.balanceAfter()), payment.paymentId());
            s.note((s.familyPayerPersonId == null ? "personal account" : "family account of person "
                    + s.familyPayerPersonId + " (家庭共济)") + " paid " + payment.paidAmount() + " (balance after "
                    + payment.balanceAfter() + "); cash " + s.cashPaid);
        } else if (outcome instanceof Refused refused) {
            s.note("the account did not pay (" + refused.code() + ": " + refused.detail() + "); cash " + s.cashPaid);
        }
        s.complete();
    }

    /** Voids a PENDING settlement whose account payment never happened: the quotas come back. */
    Settlement voidPending(long id, String why) {
        Settlement s = Settlement.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s.status != SettlementStatus.PENDING) {
            return s;
        }
        accumulators.giveBack(s);
        s.fail("voided: " + why + "; the yearly quotas it held were returned");
        count(s);
        if (s.idempotencyKey != null) {
            idempotency.release(s.idempotencyKey);
        }
        return s;
    }

    /**
     * 撤销, as a saga like settling: transaction 1 claims the key and marks the settlement CANCELLING;
     * then the account refund (its key derived from the payment reference, an earlier refund counting
     * as done); then transaction 2 returns exactly the quotas the settlement used and marks it
     * CANCELLED. If account-service does not answer, the settlement stays CANCELLING (still holding
     * its quotas) and {@link SettlementRecovery} finishes it; a cancellation with another key resumes
     * it at once.
     */
    public Settled cancel(long id, String key) {
        Settled started = QuarkusTransaction.requiringNew().call(() -> startCancelling(id, key));
        if (started.replayed()) {
            return started;
        }
        try {
            refund(started.settlement());
        } catch (DownstreamUnavailableException e) {
            throw ProblemException.unavailable("ACCOUNT_SERVICE_UNAVAILABLE", "Settlement " + id + " is CANCELLING: "
                    + "account-service did not confirm the refund. The cancellation will be finished automatically; "
                    + "GET /settlements/" + id + " shows the outcome.");
        }
        return Settled.now(QuarkusTransaction.requiringNew().call(() -> finishCancelling(id, key)));
    }

    private Settled startCancelling(long id, String key) {
        Optional<Idempotency.StoredAnswer> replay = idempotency.claim(key, List.of(id));
        if (replay.isPresent()) {
            return Settled.again(replay.get());
        }
        Settlement s = Settlement.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw ProblemException.notFound("SETTLEMENT_NOT_FOUND", "No settlement " + id + ".");
        }
        switch (s.status) {
            case PENDING -> throw ProblemException.conflict("SETTLEMENT_PENDING", "Settlement " + id
                    + " is still PENDING; it cannot be cancelled until it completes.");
            case CANCELLED -> throw ProblemException.conflict("ALREADY_CANCELLED", "Settlement " + id
                    + " was already cancelled at " + s.cancelledAt + ".");
            case FAILED -> throw ProblemException.conflict("SETTLEMENT_FAILED", "Settlement " + id
                    + " failed and holds nothing to cancel.");
            case COMPLETED -> s.startCancelling(key);
            case CANCELLING -> {
                // an interrupted cancellation: this request finishes it (the refund is made once)
            }
            case SUBMITTED -> throw ProblemException.conflict("CLAIM_NOT_REVIEWED", "Claim " + id
                    + " is SUBMITTED: the agency approves or rejects it; it cannot be cancelled before.");
            case REJECTED -> throw ProblemException.conflict("CLAIM_REJECTED", "Claim " + id
                    + " was rejected and holds nothing to cancel.");
        }
        return Settled.now(s);
    }

    /** The remote step: refund the account payment, if there was one; an earlier refund counts as done. */
    void refund(Settlement s) {
        if (s.accountPaymentId != null) {
            accounts.refund(s.payerPersonId(), s.accountPaymentId, "refund-" + s.paymentReference);
        }
    }

    /** Transaction 2 (also used by recovery): return the quotas, CANCELLED, complete the keys. */
    Settlement finishCancelling(long id, String key) {
        Settlement s = Settlement.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s.status != SettlementStatus.CANCELLING) {
            return s;
        }
        accumulators.giveBack(s);
        releaseInvoices(s);
        s.cancel("cancelled (撤销): " + (s.accountPaymentId != null ? "account payment refunded, " : "")
                + "fund " + s.fundPaidTotal + " and the yearly quotas returned");
        count(s);
        SettlementResponse answer = SettlementResponse.of(s);
        idempotency.complete(s.cancellationKey, 200, answer);
        if (key != null && !key.equals(s.cancellationKey)) {
            idempotency.complete(key, 200, answer);
        }
        return s;
    }

    /** The agency's review of a claim: SUBMITTED -> COMPLETED, payable to the person. */
    @Transactional
    public Settlement approveClaim(long id) {
        Settlement s = submittedClaim(id);
        s.approve();
        count(s);
        return s;
    }

    /** The agency's review of a claim: SUBMITTED -> REJECTED, the quotas and invoices released. */
    @Transactional
    public Settlement rejectClaim(long id, String reason) {
        Settlement s = submittedClaim(id);
        accumulators.giveBack(s);
        releaseInvoices(s);
        s.reject(reason);
        count(s);
        return s;
    }

    private Settlement submittedClaim(long id) {
        Settlement s = Settlement.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw ProblemException.notFound("SETTLEMENT_NOT_FOUND", "No claim " + id + ".");
        }
        if (s.status != SettlementStatus.SUBMITTED) {
            throw ProblemException.conflict("CLAIM_NOT_SUBMITTED", (s.status == SettlementStatus.REJECTED
                    || s.reviewedAt != null ? "Claim " + id + " was already reviewed: it is " : "Settlement " + id
                    + " is not a submitted claim: it is ") + s.status + ".");
        }
        return s;
    }

    public Settlement get(long id) {
        Settlement s = Settlement.findById(id);
        if (s == null) {
            throw ProblemException.notFound("SETTLEMENT_NOT_FOUND", "No settlement " + id + ".");
        }
        return s;
    }

    public List<Settlement> list(long personId, Integer year, Long before, int limit) {
        String query = "personId = ?1 and id < ?2" + (year == null ? "" : " and year = ?3") + " order by id desc";
        Object[] params = year == null ? new Object[] {personId, before == null ? Long.MAX_VALUE : before}
                : new Object[] {personId, before == null ? Long.MAX_VALUE : before, year};
        return Settlement.<Settlement>find(query, params).page(0, limit + 1).list();
    }

    /** Business metrics: settlements by mode and outcome, what the fund and the accounts paid. */
    void count(Settlement s) {
        metrics.counter("medins_settlements_total", "mode", s.mode.name(), "outcome", s.status.name()).increment();
        if (s.status == SettlementStatus.COMPLETED) {
            metrics.counter("medins_fund_paid_yuan_total", "mode", s.mode.name()).increment(s.fundPaidTotal.doubleValue());
            metrics.counter("medins_settlement_account_paid_yuan_total").increment(
                    s.accountPaid.add(s.familyAccountPaid).doubleValue());
        }
    }

    static String purpose(MedicalType type) {
        return switch (type) {
            case INPATIENT -> "INPATIENT_SELF_PAY";
            case EMERGENCY -> "EMERGENCY";
            case PHARMACY -> "PHARMACY";
            default -> "OUTPATIENT";
        };
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
