package cn.medins.account.account;

import cn.medins.common.lock.HoldsWriterSlot;
import cn.medins.account.enrollment.Enrollment;
import cn.medins.account.enrollment.Person;
import cn.medins.account.family.FamilyBinding;
import cn.medins.account.family.FamilyMutualAidService;
import cn.medins.account.family.Relation;
import cn.medins.common.money.Money;
import cn.medins.common.problem.ProblemException;
import cn.medins.common.problem.UniqueKey;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The personal account (个人账户): payments, refunds, family mutual aid (家庭共济), freezing and
 * closure. Every movement locks the account row first, so concurrent payments queue and the
 * balance can never go below zero.
 */
@ApplicationScoped
public class AccountService {

    @Inject
    Event<PremiumPaid> premiums;

    @Inject
    Event<PaymentRefunded> refunds;

    @Inject
    MeterRegistry metrics;

    @Inject
    FamilyMutualAidService family;

    @Inject
    Clock clock;

    /** A payment with the balance it left. */
    public record Paid(Payment payment, BigDecimal balanceAfter) {
    }

    /** A closed account and what was paid out. */
    public record Closure(PersonalAccount account, BigDecimal paidOut) {
    }

    public PersonalAccount account(long personId) {
        PersonalAccount account = PersonalAccount.findById(personId);
        return account != null ? account : noAccount(personId);
    }

    public List<AccountEntry> entries(long personId, Long before, int limit) {
        account(personId);
        return AccountEntry.page(personId, before, limit);
    }

    @HoldsWriterSlot
    @Transactional
    public Paid pay(long personId, BigDecimal amount, PaymentPurpose purpose, Long beneficiary, String reference,
                    boolean allowPartial) {
        return pay(personId, amount, purpose, beneficiary, reference, allowPartial, null);
    }

    /**
     * A payment; one for a resident premium ({@code RESIDENT_PREMIUM}) names the bound relative and the
     * year, is paid in full or not at all, and records the relative's premium in the same transaction.
     */
    @HoldsWriterSlot
    @Transactional
    public Paid pay(long personId, BigDecimal amount, PaymentPurpose purpose, Long beneficiary, String reference,
                    boolean allowPartial, Integer premiumYear) {
        boolean premium = purpose == PaymentPurpose.RESIDENT_PREMIUM;
        if (premium && premiumYear == null) {
            throw ProblemException.invalid("premiumYear", "is required for a resident premium (RESIDENT_PREMIUM)");
        }
        if (premium && (beneficiary == null || beneficiary == personId)) {
            throw ProblemException.invalid("beneficiaryPersonId", "a resident premium is paid for a bound relative "
                    + "insured as a resident (家庭共济代缴)");
        }
        if (!premium && premiumYear != null) {
            throw ProblemException.invalid("premiumYear", "is only for a resident premium (RESIDENT_PREMIUM)");
        }
        amount = Money.of(amount);
        PersonalAccount account = lock(personId);
        account.requireActive();
        Long paidFor = beneficiary == null || beneficiary == personId ? null : beneficiary;
        if (paidFor != null && !family.isBound(personId, paidFor)) {
            throw ProblemException.rule("NOT_A_BOUND_FAMILY_MEMBER", "Person " + paidFor + " is not bound to this "
                    + "account through family mutual aid (家庭共济); bind them first.");
        }
        Payment payment = new Payment();
        payment.personId = personId;
        payment.requestedAmount = amount;
        payment.paidAmount = Money.min(amount, account.balance);
        payment.shortfall = amount.subtract(payment.paidAmount);
        payment.purpose = purpose;
        payment.beneficiaryPersonId = paidFor;
        payment.reference = reference;
        payment.allowPartial = allowPartial;
        payment.createdAt = clock.instant();
        // the reference's unique key refuses a second payment here (see paymentFailure), before the
        // balance is judged, so that a repeated reference is named as such whatever the balance is now
        payment.persist();
        if (premium) { // recorded before the debit: a refusal here debits nothing
            premiums.fire(new PremiumPaid(personId, paidFor, premiumYear, amount, payment.id));
        }
        if ((!allowPartial || premium) && payment.shortfall.signum() > 0) {
            throw ProblemException.rule("INSUFFICIENT_BALANCE", "The balance " + account.balance
                    + " does not cover " + amount + "; send allowPartial=true to pay " + account.balance
                    + " from the account and the rest in cash.");
        }
        if (payment.paidAmount.signum() > 0) {
            account.debit(clock.instant(), EntryType.PAYMENT, payment.paidAmount, reference, paidFor, payment.id,
                    purpose + (paidFor == null ? "" : " for family member " + paidFor));
        }
        metrics.counter("medins_account_payments_total", "purpose", purpose.name(),
                "family", String.valueOf(paidFor != null)).increment();
        metrics.counter("medins_account_paid_yuan_total", "purpose", purpose.name())
                .increment(payment.paidAmount.doubleValue());
        return new Paid(payment, account.balance);
    }

    /**
     * What to answer for a payment whose transaction failed: 409 DUPLICATE_REFERENCE when it broke the
     * unique key of its reference (the earlier payment is read after the rollback), else the failure.
     */
    public RuntimeException paymentFailure(PersistenceException e, long personId, String reference) {
        if (!UniqueKey.violated(e, Payment.REFERENCE_KEY)) {
            return e;
        }
        String which = Payment.byReference(personId, reference).map(p -> "Payment " + p.id).orElse("A payment");
        return ProblemException.conflict("DUPLICATE_REFERENCE", which + " was already made for reference '"
                + reference + "'.");
    }

    /** Gives a payment back in full, exactly once. */
    @HoldsWriterSlot
    @Transactional
    public Paid refund(long personId, long paymentId) {
        PersonalAccount account = lock(personId);
        Payment payment = Payment.of(personId, paymentId).orElseThrow(() -> ProblemException.notFound(
                "PAYMENT_NOT_FOUND", "Account " + personId + " has no payment " + paymentId + "."));
        if (payment.refundedAt != null) {
            throw ProblemException.conflict("ALREADY_REFUNDED", "Payment " + paymentId + " was already refunded at "
                    + payment.refundedAt + ".");
        }
        account.requireOpen();
        payment.refundedAt = clock.instant();
        refunds.fire(new PaymentRefunded(personId, paymentId));
        if (payment.paidAmount.signum() > 0) {
            account.refund(clock.instant(), payment, "Refund of payment " + paymentId);
        }
        return new Paid(payment, account.balance);
    }

    public Payment payment(long personId, long paymentId) {
        account(personId);
        return Payment.of(personId, paymentId).orElseThrow(() -> ProblemException.notFound(
                "PAYMENT_NOT_FOUND", "Account " + personId + " has no payment " + paymentId + "."));
    }

    public List<Payment> payments(long personId, String reference, Long before, int limit) {
        account(personId);
        if (reference != null) {
            return Payment.byReference(personId, reference).stream().toList();
        }
        return Payment.page(personId, before, limit);
    }

    /** 家庭共济: binds a close relative to the holder's open account. */
    @HoldsWriterSlot
    @Transactional
    public FamilyBinding bind(long holder, long member, Relation relation) {
        lock(holder).requireOpen();
        return family.bind(holder, member, relation);
    }

    public long memberNamed(String idNumber, String name) {
        return family.memberNamed(idNumber, name);
    }

    public List<FamilyBinding> members(long holder) {
        account(holder);
        return family.members(holder);
    }

    @HoldsWriterSlot
    @Transactional
    public void unbind(long holder, long member) {
        lock(holder);
        family.unbind(holder, member);
    }

    /** Freezes or unfreezes an account (agency action); a closed account stays closed. */
    @HoldsWriterSlot
    @Transactional
    public PersonalAccount setStatus(long personId, AccountStatus status) {
        PersonalAccount account = lock(personId);
        if (status == AccountStatus.CLOSED) {
            throw ProblemException.invalid("status", "an account is closed through POST /accounts/{personId}/closure");
        }
        account.requireOpen();
        account.status = status;
        account.updatedAt = clock.instant();
        return account;
    }

    /**
     * Closes the account and pays the balance out in cash: only on death, or on emigration or a
     * foreign national's departure before retirement (不可提现 otherwise).
     */
    @HoldsWriterSlot
    @Transactional
    public Closure close(long personId, String reasonText, String payee) {
        PersonalAccount account = lock(personId);
        if (account.status == AccountStatus.CLOSED) {
            throw ProblemException.conflict("ACCOUNT_CLOSED", "The account was already closed at " + account.closedAt
                    + ".");
        }
        ClosureReason reason = ClosureReason.parse(reasonText).orElseThrow(() -> ProblemException.rule(
                "CASH_WITHDRAWAL_NOT_ALLOWED", "A personal account cannot be withdrawn in cash (不可提现, 禁止套现); "
                        + "it is paid out only when closed for one of " + Arrays.toString(ClosureReason.values())
                        + ", and '" + reasonText + "' is not one of them."));
        Enrollment enrollment = Enrollment.current(personId).orElseThrow();
        if (!reason.allowedFor(enrollment.personType)) {
            throw ProblemException.rule("CASH_WITHDRAWAL_NOT_ALLOWED", reason + " pays the account out only "
                    + "before retirement; this person is retired.");
        }
        BigDecimal payout = account.balance;
        if (payout.signum() > 0) {
            account.debit(clock.instant(), EntryType.CLOSURE_PAYOUT, payout, "CLOSURE", null, null,
                    "Closed (" + reason + "), paid to " + payee);
        }
        account.status = AccountStatus.CLOSED;
        account.closedReason = reason.name();
        account.closedPayee = payee;
        account.closedAt = clock.instant();
        if (enrollment.status == Enrollment.Status.ACTIVE) {
            enrollment.end(LocalDate.now(clock), reason.name());
        }
        return new Closure(account, payout);
    }

    private static PersonalAccount lock(long personId) {
        return PersonalAccount.lock(personId).orElseGet(() -> noAccount(personId));
    }

    private static PersonalAccount noAccount(long personId) {
        Person person = Person.require(personId);
        throw ProblemException.notFound("NO_PERSONAL_ACCOUNT", "Person " + person.id + " is insured as a resident "
                + "(390): residents have no personal account (abolished by the end of 2020); the pooled fund "
                + "covers their care.");
    }
}
