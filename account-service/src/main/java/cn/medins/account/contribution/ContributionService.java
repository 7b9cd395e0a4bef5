package cn.medins.account.contribution;

import cn.medins.common.lock.HoldsWriterSlot;
import cn.medins.account.account.AccountStatus;
import cn.medins.account.account.EntryType;
import cn.medins.account.account.PersonalAccount;
import jakarta.enterprise.event.Observes;
import cn.medins.account.account.PaymentRefunded;
import cn.medins.account.account.PremiumPaid;
import cn.medins.account.config.AccountConfig;
import cn.medins.account.enrollment.Enrollment;
import cn.medins.account.enrollment.InsuranceType;
import cn.medins.account.enrollment.Person;
import cn.medins.account.enrollment.PersonType;
import cn.medins.common.money.Money;
import cn.medins.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Contributions (缴费) and the monthly allocation of retirees' accounts. */
@ApplicationScoped
public class ContributionService {

    @Inject
    Clock clock;

    @Inject
    AccountConfig rules;

    /** What an employee contribution credited, and the balance after it. */
    public record Credited(Contribution contribution, BigDecimal balanceAfter) {
    }

    /** The outcome of a month's retiree allocation run. */
    public record AllocationRun(YearMonth period, BigDecimal amountEach, int accountsCredited,
                                BigDecimal totalAmount) {
    }

    /**
     * An employee's month: the individual share goes entirely to the personal account, the
     * employer share to the pooled fund except the configured part credited to the account.
     */
    @HoldsWriterSlot
    @Transactional
    public Credited employee(long personId, YearMonth period, BigDecimal individual, BigDecimal employer,
                             LocalDate paidOn) {
        Enrollment enrollment = activeEnrollment(personId);
        if (!enrollment.isEmployee()) {
            throw ProblemException.invalid("period", "person " + personId + " is insured as a resident (390): "
                    + "send {year, amount} for the yearly premium");
        }
        if (enrollment.personType == PersonType.RETIRED && !workedIn(personId, period)) {
            throw ProblemException.rule("RETIRED_NO_CONTRIBUTION", "Retirees do not contribute; their account "
                    + "is credited by the monthly retiree allocation" + Enrollment.retiredOn(personId)
                    .map(d -> " (retired on " + d + ": the last month to contribute is "
                            + YearMonth.from(d).minusMonths(1) + ")").orElse("") + ".");
        }
        if (Contribution.forMonth(personId, period).isPresent()) {
            throw ProblemException.conflict("DUPLICATE_CONTRIBUTION", "The contribution for " + period
                    + " was already paid.");
        }
        BigDecimal employerShare = Money.of(employer.multiply(rules.employerShareToAccount()));
        Contribution c = record(personId, InsuranceType.EMPLOYEE, Money.of(individual.add(employer)), paidOn);
        c.period = period;
        c.individualAmount = Money.of(individual);
        c.employerAmount = Money.of(employer);
        c.creditedAmount = Money.of(individual.add(employerShare));
        c.persist();

        PersonalAccount account = PersonalAccount.lock(personId).orElseThrow();
        account.requireOpen();
        String reference = "CONTRIBUTION-" + period;
        if (individual.signum() > 0) {
            account.credit(clock.instant(), EntryType.INDIVIDUAL_CONTRIBUTION, individual, reference,
                    "Individual contribution for " + period);
        }
        if (employerShare.signum() > 0) {
            account.credit(clock.instant(), EntryType.EMPLOYER_ALLOCATION, employerShare, reference,
                    "Employer contribution share for " + period);
        }
        return new Credited(c, account.balance);
    }

    /** A resident's yearly premium: no personal account, only coverage. */
    @HoldsWriterSlot
    @Transactional
    public Contribution resident(long personId, int year, BigDecimal amount, LocalDate paidOn, BigDecimal subsidyAmount,
                                 String subsidySource) {
        if (subsidyAmount != null && subsidyAmount.compareTo(amount) > 0) {
            throw ProblemException.invalid("subsidyAmount", "cannot be more than the premium (amount)");
        }
        if ((subsidyAmount != null && subsidyAmount.signum() > 0) != (subsidySource != null)) {
            throw ProblemException.invalid(subsidySource == null ? "subsidySource" : "subsidyAmount",
                    "a subsidy names its amount and its source together");
        }
        Enrollment enrollment = activeEnrollment(personId);
        if (enrollment.isEmployee()) {
            throw ProblemException.invalid("year", "person " + personId + " is insured as an employee (310): "
                    + "send {period, individualAmount, employerAmount} for a month");
        }
        if (Contribution.forYear(personId, year).isPresent()) {
            throw ProblemException.conflict("DUPLICATE_CONTRIBUTION", "The premium for " + year
                    + " was already paid.");
        }
        Contribution c = record(personId, InsuranceType.RESIDENT, Money.of(amount), paidOn);
        c.contributionYear = year;
        c.creditedAmount = Money.ZERO;
        c.subsidyAmount = subsidyAmount == null ? null : Money.of(subsidyAmount);
        c.subsidySource = subsidySource;
        c.persist();
        return c;
    }

    /**
     * 家庭共济代缴: a bound relative's personal account paid this resident's premium, inside the payment's
     * transaction; a refusal here (not a resident, the year already paid) debits nothing.
     */
    void premiumPaid(@Observes PremiumPaid paid) {
        Enrollment enrollment = activeEnrollment(paid.beneficiaryPersonId());
        if (enrollment.isEmployee()) {
            throw ProblemException.rule("NOT_A_RESIDENT", "Person " + paid.beneficiaryPersonId() + " is insured as an "
                    + "employee (310): a relative's account pays only a resident's (390) premium.");
        }
        if (Contribution.forYear(paid.beneficiaryPersonId(), paid.premiumYear()).isPresent()) {
            throw ProblemException.conflict("DUPLICATE_CONTRIBUTION", "The premium of person "
                    + paid.beneficiaryPersonId() + " for " + paid.premiumYear() + " was already paid.");
        }
        Contribution c = record(paid.beneficiaryPersonId(), InsuranceType.RESIDENT, Money.of(paid.amount()), null);
        c.contributionYear = paid.premiumYear();
        c.creditedAmount = Money.ZERO;
        c.paidByPersonId = paid.holderPersonId();
        c.paymentId = paid.paymentId();
        c.persist();
    }

    /** A refunded payment that paid a relative's premium takes the premium with it. */
    void paymentRefunded(@Observes PaymentRefunded refunded) {
        Contribution.removeForPayment(refunded.paymentId());
    }

    /** A person's contributions (of one year when {@code year} is given). */
    public List<Contribution> history(long personId, Integer year) {
        Person.require(personId);
        return Contribution.of(personId, year);
    }

    /** A month before the person's retirement from service, which may still be paid late. */
    private static boolean workedIn(long personId, YearMonth period) {
        return Enrollment.retiredOn(personId).map(d -> period.isBefore(YearMonth.from(d))).orElse(false);
    }

    /** Credits every active retiree's account for the month, once, from the month they retired. */
    @HoldsWriterSlot
    @Transactional
    public AllocationRun allocateRetirees(YearMonth period) {
        BigDecimal each = rules.retireeAllocation().fixedAmount().map(Money::of).orElseGet(() ->
                Money.of(rules.retireeAllocation().averagePension().multiply(rules.retireeAllocation().pensionShare())));
        List<Enrollment> retirees = Enrollment.activeRetirees();
        int credited = 0;
        for (Enrollment retiree : retirees) {
            PersonalAccount account = PersonalAccount.lock(retiree.personId).orElse(null);
            boolean notYetRetired = Enrollment.retiredOn(retiree.personId)
                    .map(d -> period.isBefore(YearMonth.from(d))).orElse(false);
            if (account == null || account.status == AccountStatus.CLOSED || notYetRetired
                    || RetireeAllocation.exists(retiree.personId, period)) {
                continue;
            }
            RetireeAllocation allocation = new RetireeAllocation();
            allocation.personId = retiree.personId;
            allocation.period = period;
            allocation.amount = each;
            allocation.createdAt = clock.instant();
            allocation.persist();
            account.credit(clock.instant(), EntryType.RETIREE_ALLOCATION, each, "RETIREE-ALLOCATION-" + period,
                    "Retiree allocation for " + period);
            credited++;
        }
        return new AllocationRun(period, each, credited, each.multiply(BigDecimal.valueOf(credited)));
    }

    private static Enrollment activeEnrollment(long personId) {
        Person.lockRequired(personId);
        return Enrollment.active(personId).orElseThrow(() -> ProblemException.rule("NOT_ENROLLED",
                "Person " + personId + " has no active enrollment to contribute to."));
    }

    private Contribution record(long personId, InsuranceType kind, BigDecimal amount, LocalDate paidOn) {
        LocalDate today = LocalDate.now(clock);
        if (paidOn != null && paidOn.isAfter(today)) {
            throw ProblemException.invalid("paidOn", "cannot be in the future");
        }
        Contribution c = new Contribution();
        c.personId = personId;
        c.kind = kind;
        c.amount = amount;
        c.paidOn = paidOn == null ? today : paidOn;
        c.createdAt = clock.instant();
        return c;
    }
}
