package cn.medins.account.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One movement of a personal account: who, what, why, when, reference. Append-only (a database
 * trigger refuses updates and deletes); {@code amount} is signed.
 */
@Entity
@Table(name = "account_entry")
public class AccountEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    public Long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public EntryType type;

    @Column(nullable = false, updatable = false)
    public BigDecimal amount;

    @Column(name = "balance_after", nullable = false, updatable = false)
    public BigDecimal balanceAfter;

    @Column(updatable = false)
    public String reference;

    @Column(name = "beneficiary_person_id", updatable = false)
    public Long beneficiaryPersonId;

    @Column(name = "payment_id", updatable = false)
    public Long paymentId;

    @Column(updatable = false)
    public String description;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    static AccountEntry append(PersonalAccount account, EntryType type, BigDecimal amount, String reference,
                               Long beneficiary, Long paymentId, String description) {
        AccountEntry entry = new AccountEntry();
        entry.personId = account.personId;
        entry.type = type;
        entry.amount = amount;
        entry.balanceAfter = account.balance;
        entry.reference = reference;
        entry.beneficiaryPersonId = beneficiary;
        entry.paymentId = paymentId;
        entry.description = description;
        entry.createdAt = account.updatedAt;
        entry.persist();
        return entry;
    }

    /** The balance after the last entry before {@code instant} (zero before the first). */
    public static java.math.BigDecimal balanceBefore(long personId, Instant instant) {
        return find("personId = ?1 and createdAt < ?2 order by id desc", personId, instant).firstResultOptional()
                .map(e -> ((AccountEntry) e).balanceAfter).orElse(cn.medins.common.money.Money.ZERO);
    }

    /** The entries from {@code from} (inclusive) to {@code to} (exclusive), in the order they were made. */
    public static List<AccountEntry> between(long personId, Instant from, Instant to) {
        return list("personId = ?1 and createdAt >= ?2 and createdAt < ?3 order by id", personId, from, to);
    }

    /** Newest first, {@code limit + 1} rows from before the cursor. */
    public static List<AccountEntry> page(long personId, Long before, int limit) {
        return find("personId = ?1 and id < ?2 order by id desc", personId, before == null ? Long.MAX_VALUE : before)
                .page(0, limit + 1).list();
    }
}
