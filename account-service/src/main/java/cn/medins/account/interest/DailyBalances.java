package cn.medins.account.interest;

import cn.medins.common.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * 积数计息: the sum over each day of a year of the account's end-of-day balance, and the interest on it
 * ({@code sum x annualRate / 360}, HALF_UP to the cent). Pure: the ledger's movements come in.
 */
public final class DailyBalances {

    private static final BigDecimal DAYS_OF_A_RATE_YEAR = BigDecimal.valueOf(360);

    private DailyBalances() {
    }

    /** A movement of the account: the business day it was made and the balance it left. */
    public record Movement(LocalDate day, BigDecimal balanceAfter) {
    }

    /**
     * @param opening   the balance at the start of the year
     * @param movements the year's movements in the order they were made
     */
    public static BigDecimal sum(int year, BigDecimal opening, List<Movement> movements) {
        LocalDate day = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year + 1, 1, 1);
        BigDecimal balance = opening;
        BigDecimal sum = BigDecimal.ZERO;
        for (Movement movement : movements) {
            // every day before the movement's ended with the balance before it
            sum = sum.add(balance.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(day, movement.day()))));
            balance = movement.balanceAfter();
            day = movement.day();
        }
        return sum.add(balance.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(day, end)))).setScale(2,
                RoundingMode.UNNECESSARY);
    }

    public static BigDecimal interest(BigDecimal balanceDays, BigDecimal annualRate) {
        return balanceDays.multiply(annualRate).divide(DAYS_OF_A_RATE_YEAR, Money.SCALE, Money.ROUNDING);
    }
}
