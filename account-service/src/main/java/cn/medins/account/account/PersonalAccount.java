package cn.medins.account.account;

import cn.medins.common.money.Money;
import cn.medins.common.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * An employee's personal account (个人账户). Its balance only changes through {@link #post}, which
 * appends the matching ledger entry, so the balance always equals the sum of the entries and is
 * never negative. Callers lock the row ({@link #lock}) before posting.
 */
@Entity
@Table(name = "personal_account")
public class PersonalAccount extends PanacheEntityBase {

    @Id
    @Column(name = "person_id")
    public Long personId;

    @Column(nullable = false)
    public BigDecimal balance;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountStatus status;

    @Column(name = "closed_reason")
    public String closedReason;

    @Column(name = "closed_payee")
    public String closedPayee;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static PersonalAccount open(long personId, Instant at) {
        PersonalAccount account = new PersonalAccount();
        account.personId = personId;
        account.balance = Money.ZERO;
        account.status = AccountStatus.ACTIVE;
        account.createdAt = at;
        account.updatedAt = account.createdAt;
        account.persist();
        return account;
    }

    /** {@code SELECT ... FOR NO KEY UPDATE}: concurrent movements of one account queue here. */
    public static Optional<PersonalAccount> lock(long personId) {
        return Optional.ofNullable(findById(personId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Money in: {@code amount} must be positive; the entry's amount is {@code +amount}. */
    public AccountEntry credit(Instant at, EntryType type, BigDecimal amount, String reference, String description) {
        requireSign(amount, 1);
        return post(at, type, amount, reference, null, null, description);
    }

    /**
     * Money out: {@code amount} must be positive; the entry's amount is {@code -amount}. Refuses
     * anything that would make the balance negative (INSUFFICIENT_BALANCE).
     */
    public AccountEntry debit(Instant at, EntryType type, BigDecimal amount, String reference, Long beneficiary, Long paymentId,
                              String description) {
        requireSign(amount, 1);
        if (balance.compareTo(amount) < 0) {
            throw ProblemException.rule("INSUFFICIENT_BALANCE",
                    "The balance " + balance + " does not cover " + amount + ".");
        }
        return post(at, type, amount.negate(), reference, beneficiary, paymentId, description);
    }

    /** A refund puts back what a payment took, with the payment's reference and beneficiary. */
    public AccountEntry refund(Instant at, Payment payment, String description) {
        requireSign(payment.paidAmount, 1);
        return post(at, EntryType.REFUND, payment.paidAmount, payment.reference, payment.beneficiaryPersonId, payment.id,
                description);
    }

    private AccountEntry post(Instant at, EntryType type, BigDecimal signedAmount, String reference, Long beneficiary,
                              Long paymentId, String description) {
        balance = balance.add(signedAmount);
        updatedAt = at;
        return AccountEntry.append(this, type, signedAmount, reference, beneficiary, paymentId, description);
    }

    /** A ledger movement is never zero and never signed by the caller: the method says the direction. */
    private static void requireSign(BigDecimal amount, int sign) {
        if (amount.signum() != sign) {
            throw new IllegalArgumentException("a ledger amount must be positive, was " + amount);
        }
    }

    /** Money may come into any account that is not closed (a frozen one still receives). */
    public void requireOpen() {
        if (status == AccountStatus.CLOSED) {
            throw ProblemException.rule("ACCOUNT_CLOSED", "The personal account was closed on " + closedAt
                    + " (" + closedReason + "); nothing can move through it.");
        }
    }

    /** Money may leave only an ACTIVE account. */
    public void requireActive() {
        requireOpen();
        if (status == AccountStatus.FROZEN) {
            throw ProblemException.rule("ACCOUNT_FROZEN",
                    "The personal account is frozen by the agency; ask the agency to unfreeze it.");
        }
    }
}
