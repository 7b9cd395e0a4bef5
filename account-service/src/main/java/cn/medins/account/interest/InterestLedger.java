package cn.medins.account.interest;

import cn.medins.account.account.AccountEntry;
import cn.medins.account.account.AccountStatus;
import cn.medins.account.account.EntryType;
import cn.medins.account.account.PersonalAccount;
import cn.medins.common.lock.HoldsWriterSlot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Posts one account's interest for a year in a transaction of its own: the account is locked only for
 * that (payments to it wait a moment, to the others not at all), and a posting that stops half way is
 * finished by running it again, since an account already posted is skipped.
 */
@ApplicationScoped
public class InterestLedger {

    @Inject
    Clock clock;

    /** @return the interest posted, empty when the account is closed or already posted for the year */
    @HoldsWriterSlot
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<BigDecimal> post(long personId, int year, BigDecimal annualRate) {
        PersonalAccount account = PersonalAccount.lock(personId).orElse(null);
        InterestPosting.Key key = new InterestPosting.Key(personId, year);
        if (account == null || account.status == AccountStatus.CLOSED || InterestPosting.findById(key) != null) {
            return Optional.empty();
        }
        Instant start = LocalDate.of(year, 1, 1).atStartOfDay(clock.getZone()).toInstant();
        Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(clock.getZone()).toInstant();
        BigDecimal balanceDays = DailyBalances.sum(year, AccountEntry.balanceBefore(personId, start),
                AccountEntry.between(personId, start, end).stream().map(e -> new DailyBalances.Movement(
                        LocalDate.ofInstant(e.createdAt, clock.getZone()), e.balanceAfter)).toList());
        BigDecimal interest = DailyBalances.interest(balanceDays, annualRate);
        if (interest.signum() > 0) {
            account.credit(clock.instant(), EntryType.INTEREST, interest, "INTEREST-" + year,
                    "Interest (计息) for " + year + " at " + annualRate.stripTrailingZeros().toPlainString()
                            + " on balance-days " + balanceDays.toPlainString() + ", value date " + year + "-12-31");
        }
        InterestPosting posting = new InterestPosting();
        posting.key = key;
        posting.balanceDays = balanceDays;
        posting.annualRate = annualRate;
        posting.interest = interest;
        posting.postedAt = clock.instant();
        posting.persist();
        return Optional.of(interest);
    }
}
