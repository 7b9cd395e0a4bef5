package cn.medins.reimbursement.settlement;

import cn.medins.common.money.Money;
import cn.medins.reimbursement.accumulator.Usage;
import cn.medins.reimbursement.calculation.Accumulators;
import cn.medins.reimbursement.calculation.AssistancePaid;
import cn.medins.reimbursement.calculation.AssistanceUse;
import cn.medins.reimbursement.calculation.ChronicUse;
import cn.medins.reimbursement.calculation.FundBreakdown;
import cn.medins.reimbursement.calculation.MedicalType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A settlement (结算): the fund breakdown of one visit, how the person's burden was paid, and what it
 * took from the yearly quotas ({@code used*}), so that a cancellation gives back exactly that.
 */
@Entity
public class Settlement extends PanacheEntityBase {

    /** The partial unique index (V4) that lets a visit hold one live settlement. */
    public static final String ONCE_PER_VISIT = "settlement_once_per_visit";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false) public Long personId;
    @Column(name = "institution_code", nullable = false) public String institutionCode;
    @Column(name = "visit_id", nullable = false) public String visitId;

    @Enumerated(EnumType.STRING)
    @Column(name = "medical_type", nullable = false) public MedicalType medicalType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false) public SettlementMode mode;
    @Column(name = "filing_id") public Long filingId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false) public SettlementStatus status;
    @Column(name = "insured_region", nullable = false) public String insuredRegion;
    @Column(name = "insurance_type", nullable = false) public String insuranceType;
    @Column(name = "policy_id", nullable = false) public Long policyId;
    @Column(name = "policy_version", nullable = false) public int policyVersion;
    @Column(name = "settlement_year", nullable = false) public int year;
    @Column(name = "admission_date") public LocalDate admissionDate;
    @Column(name = "discharge_date") public LocalDate dischargeDate;
    @Column(name = "service_date") public LocalDate serviceDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "injury_cause", nullable = false) public InjuryCause injuryCause;
    @Column(name = "use_account", nullable = false) public boolean useAccount;
    @Column(name = "family_payer_person_id") public Long familyPayerPersonId;

    /**
     * The account payment's reference, unique across databases and time (not derived from the id,
     * which restarts after a restore), so that recovery can never mistake another payment for it.
     */
    @Column(name = "payment_reference", nullable = false, unique = true) public String paymentReference;

    /** The key of the cancellation under way (CANCELLING), completed when it ends. */
    @Column(name = "cancellation_key") public String cancellationKey;

    /** The key the settling request came with, completed or released when the saga ends. */
    @Column(name = "idempotency_key") public String idempotencyKey;

    @Column(name = "total_amount", nullable = false) public BigDecimal totalAmount;
    @Column(name = "self_funded_amount", nullable = false) public BigDecimal selfFundedAmount;
    @Column(name = "over_limit_amount", nullable = false) public BigDecimal overLimitAmount;
    @Column(name = "pre_self_pay_amount", nullable = false) public BigDecimal preSelfPayAmount;
    @Column(name = "eligible_amount", nullable = false) public BigDecimal eligibleAmount;
    @Column(name = "deductible_applied", nullable = false) public BigDecimal deductibleApplied;
    @Column(name = "pool_fund_paid", nullable = false) public BigDecimal poolFundPaid;
    @Column(name = "catastrophic_paid", nullable = false) public BigDecimal catastrophicPaid;
    @Column(name = "pool_cap_left") public BigDecimal poolCapLeft; // 本次可支付限额: the yearly cap's rest before it
    @Column(name = "catastrophic_cap_left") public BigDecimal catastrophicCapLeft;
    @Column(name = "fund_paid_total", nullable = false) public BigDecimal fundPaidTotal;
    @Column(name = "personal_burden", nullable = false) public BigDecimal personalBurden;
    @Column(name = "account_paid", nullable = false) public BigDecimal accountPaid;
    @Column(name = "family_account_paid", nullable = false) public BigDecimal familyAccountPaid;
    @Column(name = "cash_paid", nullable = false) public BigDecimal cashPaid;
    @Column(name = "account_balance_after") public BigDecimal accountBalanceAfter;
    @Column(name = "account_payment_id") public Long accountPaymentId;
    @Column(name = "used_inpatient_fund_paid", nullable = false) public BigDecimal usedInpatientFundPaid;
    @Column(name = "used_outpatient_deductible", nullable = false) public BigDecimal usedOutpatientDeductible;
    @Column(name = "used_outpatient_fund_paid", nullable = false) public BigDecimal usedOutpatientFundPaid;
    @Column(name = "used_catastrophic_burden", nullable = false) public BigDecimal usedCatastrophicBurden;
    @Column(name = "used_catastrophic_paid", nullable = false) public BigDecimal usedCatastrophicPaid;
    @Column(name = "used_admissions", nullable = false) public int usedAdmissions;

    /** 门诊慢特病: the registered disease a chronic/special outpatient visit (14) was paid for. */
    @Column(name = "disease_code") public String diseaseCode;
    @Column(name = "used_chronic_deductible", nullable = false) public BigDecimal usedChronicDeductible;
    @Column(name = "used_chronic_fund_paid", nullable = false) public BigDecimal usedChronicFundPaid;
    /** The month (1-12) whose chronic deductible the visit used, when the disease's is consumed per month. */
    @Column(name = "chronic_month") public Integer chronicMonth;

    /** 医疗救助: the category assisted as (null: none), what it paid, in stage 1 and the tilted stage. */
    @Column(name = "assistance_category") public String assistanceCategory;
    @Column(name = "assistance_paid", nullable = false) public BigDecimal assistancePaid;
    @Column(name = "assistance_deductible_applied", nullable = false) public BigDecimal assistanceDeductibleApplied;
    @Column(name = "assistance_ordinary_paid", nullable = false) public BigDecimal assistanceOrdinaryPaid;
    @Column(name = "assistance_tilted_paid", nullable = false) public BigDecimal assistanceTiltedPaid;
    @Column(name = "used_assistance_tilted_deductible", nullable = false) public BigDecimal usedAssistanceTiltedDeductible;
    @Column(name = "used_assistance_outpatient_paid", nullable = false) public BigDecimal usedAssistanceOutpatientPaid;

    /** A claim (手工报销): paid to the person, not to the institution, so cleared apart. */
    @Column(nullable = false) public boolean claim;

    /** When the agency approved or rejected a claim. */
    @Column(name = "reviewed_at") public Instant reviewedAt;

    /** The admitted visit whose uploaded fee lines were settled (V9), or null for a whole bill. */
    @Column(name = "visit_ref") public Long visitRef;

    /** The bill's lines as JSON, as received (a visit's: its reference; the lines are its fee lines). */
    @Column(nullable = false) public String lines;

    /** Unlisted item codes, comma separated. */
    @Column(name = "unlisted_items", nullable = false) public String unlistedItems;

    /** The computation in words, one step per line. */
    @Column(nullable = false) public String trace;
    @Column(name = "created_at", nullable = false) public Instant createdAt;
    @Column(name = "completed_at") public Instant completedAt;
    @Column(name = "cancelled_at") public Instant cancelledAt;

    public void apply(FundBreakdown b) {
        totalAmount = b.totalAmount();
        selfFundedAmount = b.selfFundedAmount();
        overLimitAmount = b.overLimitAmount();
        preSelfPayAmount = b.preSelfPayAmount();
        eligibleAmount = b.eligibleAmount();
        deductibleApplied = b.deductibleApplied();
        poolFundPaid = b.poolFundPaid();
        catastrophicPaid = b.catastrophicPaid();
        poolCapLeft = b.poolCapLeft();
        catastrophicCapLeft = b.catastrophicCapLeft();
        fundPaidTotal = b.fundPaidTotal();
        personalBurden = b.personalBurden();
        Accumulators used = b.used();
        usedInpatientFundPaid = used.inpatientFundPaid();
        usedOutpatientDeductible = used.outpatientDeductibleUsed();
        usedOutpatientFundPaid = used.outpatientFundPaid();
        usedCatastrophicBurden = used.catastrophicBurden();
        usedCatastrophicPaid = used.catastrophicPaid();
        usedAdmissions = used.admissions();
        usedChronicDeductible = b.chronicUsed().deductibleUsed();
        usedChronicFundPaid = b.chronicUsed().fundPaid();
        AssistancePaid a = b.assistance();
        assistanceCategory = a.category();
        assistancePaid = b.assistancePaid();
        assistanceDeductibleApplied = a.deductibleApplied();
        assistanceOrdinaryPaid = a.ordinaryPaid();
        assistanceTiltedPaid = a.tiltedPaid();
        usedAssistanceTiltedDeductible = a.used().tiltedDeductibleUsed();
        usedAssistanceOutpatientPaid = a.used().outpatientPaid();
        unlistedItems = String.join(",", b.unlistedItems());
        trace = String.join("\n", b.trace());
        paidInCash();
    }

    /**
     * Stored by the transaction that reserves the fund's part: PENDING while the account still has
     * to pay, else COMPLETED at once.
     */
    public void reserve(boolean accountToPay) {
        require(null);
        status = accountToPay ? SettlementStatus.PENDING : SettlementStatus.COMPLETED;
        completedAt = accountToPay ? null : createdAt;
    }

    /** A claim is stored SUBMITTED: it holds the quotas it would use until the agency reviews it. */
    public void submit() {
        require(null);
        status = SettlementStatus.SUBMITTED;
    }

    /** SUBMITTED -> COMPLETED: the agency approved the claim; the fund's part is payable to the person. */
    public void approve(Instant at) {
        require(SettlementStatus.SUBMITTED);
        status = SettlementStatus.COMPLETED;
        completedAt = at;
        reviewedAt = completedAt;
        note("claim approved by the agency: the fund pays " + fundPaidTotal + (assistancePaid.signum() > 0
                ? " and medical assistance (医疗救助) " + assistancePaid : "") + " to the person");
    }

    /** SUBMITTED -> REJECTED: the agency refused the claim; the caller returns the quotas. */
    public void reject(String reason, Instant at) {
        require(SettlementStatus.SUBMITTED);
        status = SettlementStatus.REJECTED;
        reviewedAt = at;
        note("claim rejected by the agency: " + reason + "; the yearly quotas it held were returned");
    }

    /** PENDING -> COMPLETED: the account step is over (paid, or refused and the rest is cash). */
    public void complete(Instant at) {
        require(SettlementStatus.PENDING);
        status = SettlementStatus.COMPLETED;
        completedAt = at;
    }

    /** PENDING -> FAILED: voided, the account never paid; the caller returns the quotas. */
    public void fail(String why) {
        require(SettlementStatus.PENDING);
        status = SettlementStatus.FAILED;
        note(why);
    }

    /** COMPLETED -> CANCELLING: the cancellation is recorded before the account is refunded. */
    public void startCancelling(String key) {
        require(SettlementStatus.COMPLETED);
        status = SettlementStatus.CANCELLING;
        cancellationKey = key;
    }

    /** CANCELLING -> CANCELLED (撤销): the account was refunded; the caller returns the quotas. */
    public void cancel(String how, Instant at) {
        require(SettlementStatus.CANCELLING);
        status = SettlementStatus.CANCELLED;
        cancelledAt = at;
        note(how);
    }

    private void require(SettlementStatus from) {
        if (status != from) {
            throw new IllegalStateException("settlement " + id + " is " + status + ", not " + from);
        }
    }

    /** The whole burden in cash, no account payment (yet). */
    public void paidInCash() {
        accountPaid = Money.ZERO;
        familyAccountPaid = Money.ZERO;
        cashPaid = personalBurden;
    }

    /** Records what an account (the person's own, or a bound family member's) paid of the burden. */
    public void paidFromAccount(BigDecimal paid, BigDecimal balanceAfter, Long paymentId) {
        if (familyPayerPersonId != null) {
            familyAccountPaid = paid;
        } else {
            accountPaid = paid;
        }
        cashPaid = personalBurden.subtract(paid);
        accountBalanceAfter = balanceAfter;
        accountPaymentId = paymentId;
    }

    public Accumulators used() {
        return new Accumulators(usedInpatientFundPaid, usedOutpatientDeductible, usedOutpatientFundPaid,
                usedCatastrophicBurden, usedCatastrophicPaid, usedAdmissions);
    }

    public ChronicUse chronicUsed() {
        return new ChronicUse(usedChronicDeductible, usedChronicFundPaid);
    }

    public AssistanceUse assistanceUsed() {
        return new AssistanceUse(assistanceDeductibleApplied, assistanceOrdinaryPaid, usedAssistanceTiltedDeductible,
                assistanceTiltedPaid, usedAssistanceOutpatientPaid);
    }

    /** What the settlement took from the person's year, to give back exactly. */
    public Usage usage() {
        return new Usage(personId, year, used(), diseaseCode, chronicUsed(), chronicMonth, assistanceUsed());
    }

    public List<String> traceLines() {
        return List.of(trace.split("\n"));
    }

    public void note(String step) {
        trace = trace + "\n" + step;
    }

    /** The account whose money pays: a bound family member's, or the person's own. */
    public long payerPersonId() {
        return familyPayerPersonId != null ? familyPayerPersonId : personId;
    }

    public static String newPaymentReference() {
        return "STL-" + java.util.UUID.randomUUID();
    }

    public LocalDate careDate() {
        return medicalType == MedicalType.INPATIENT ? dischargeDate : serviceDate;
    }
}
