package cn.medins.account.contribution;

import cn.medins.common.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * 居民保费收入: the month's resident premiums of a region, with the part subsidies paid (资助参保) by who
 * granted them and the part relatives' accounts paid (家庭共济代缴), reported apart from what persons paid
 * themselves; the fund report of reimbursement-service shows it beside the settlements.
 */
@ApplicationScoped
public class PremiumReport {

    /** One subsidy source's premiums (source null: premiums without a subsidy). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PremiumsBySource")
    public record BySource(String subsidySource, long count, BigDecimal premiumAmount, BigDecimal subsidyAmount) {
    }

    /** {@code paidByPersons} is what the insured and their relatives paid: premiums less subsidies. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PremiumTotals")
    public record Totals(String region, String month, long count, BigDecimal premiumAmount, BigDecimal subsidyAmount,
                         BigDecimal paidByPersons, BigDecimal paidByFamilyAccounts, List<BySource> bySource) {
    }

    /** "410000" -> "41", "410300" -> "4103", "410302" -> "410302", as the fund report reads a region. */
    static String prefix(String region) {
        if (region.endsWith("0000")) {
            return region.substring(0, 2);
        }
        return region.endsWith("00") ? region.substring(0, 4) : region;
    }

    public Totals of(String region, YearMonth month) {
        List<BySource> sources = new ArrayList<>();
        long count = 0;
        BigDecimal premiums = Money.ZERO;
        BigDecimal subsidies = Money.ZERO;
        BigDecimal family = Money.ZERO;
        for (Object[] r : Contribution.premiumTotals(prefix(region), month.atDay(1), month.plusMonths(1).atDay(1))) {
            BySource s = new BySource((String) r[0], ((Number) r[1]).longValue(), Money.of((BigDecimal) r[2]),
                    Money.of((BigDecimal) r[3]));
            sources.add(s);
            count += s.count();
            premiums = premiums.add(s.premiumAmount());
            subsidies = subsidies.add(s.subsidyAmount());
            family = family.add(Money.of((BigDecimal) r[4]));
        }
        return new Totals(region, month.toString(), count, premiums, subsidies, premiums.subtract(subsidies), family,
                sources);
    }
}
