package cn.medins.account.interest;

import cn.medins.account.account.AccountStatus;
import cn.medins.account.account.PersonalAccount;
import cn.medins.account.enrollment.Enrollment;
import cn.medins.common.lock.HoldsWriterSlot;
import cn.medins.common.money.Money;
import cn.medins.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The agency's interest: rates per region and year, and the posting of a year's interest. */
@ApplicationScoped
public class InterestService {

    @Inject
    Clock clock;

    @Inject
    InterestLedger ledger;

    /** What one posting did. */
    public record Posted(int year, String insuredRegion, int accounts, BigDecimal totalInterest) {
    }

    @HoldsWriterSlot
    @Transactional
    public InterestRate putRate(String region, int year, BigDecimal annualRate) {
        InterestRate.Key key = new InterestRate.Key(region, year);
        InterestRate rate = InterestRate.findById(key);
        if (rate == null) {
            rate = new InterestRate();
            rate.key = key;
        }
        rate.annualRate = annualRate;
        rate.updatedAt = clock.instant();
        rate.persist();
        return rate;
    }

    public InterestRate rate(String region, int year) {
        InterestRate rate = InterestRate.findById(new InterestRate.Key(region, year));
        if (rate == null) {
            throw ProblemException.notFound("INTEREST_RATE_NOT_FOUND", "No interest rate for region " + region
                    + " in " + year + ".");
        }
        return rate;
    }

    /**
     * Posts the year's interest to every open account of the region (all regions when null) whose
     * region has a rate for the year, each account once, each in a transaction of its own.
     */
    public Posted post(int year, String region) {
        if (year >= LocalDate.now(clock).getYear()) {
            throw ProblemException.rule("YEAR_NOT_OVER", year + " is not over: its interest is posted from 1 January "
                    + (year + 1) + ".");
        }
        Map<String, BigDecimal> rates = InterestRate.<InterestRate>list("key.year", year).stream()
                .filter(r -> region == null || r.key.insuredRegion().equals(region))
                .collect(Collectors.toMap(r -> r.key.insuredRegion(), r -> r.annualRate));
        int accounts = 0;
        BigDecimal total = Money.ZERO;
        for (Object[] row : accountsIn(rates.keySet().stream().toList())) {
            Optional<BigDecimal> posted = ledger.post((Long) row[0], year, rates.get((String) row[1]));
            if (posted.isPresent()) {
                accounts++;
                total = total.add(posted.get());
            }
        }
        return new Posted(year, region, accounts, total);
    }

    /** (person, region) of the open accounts whose person's active enrollment is in one of the regions. */
    private static List<Object[]> accountsIn(List<String> regions) {
        if (regions.isEmpty()) {
            return List.of();
        }
        return PersonalAccount.getEntityManager().createQuery("select a.personId, e.insuredRegion from PersonalAccount a,"
                        + " Enrollment e where e.personId = a.personId and e.status = ?1 and a.status <> ?2"
                        + " and e.insuredRegion in ?3 order by a.personId", Object[].class)
                .setParameter(1, Enrollment.Status.ACTIVE).setParameter(2, AccountStatus.CLOSED)
                .setParameter(3, regions).getResultList();
    }
}
