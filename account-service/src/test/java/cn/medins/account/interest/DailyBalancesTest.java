package cn.medins.account.interest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 积数计息 worked by hand: the sum of the end-of-day balances, times the rate, over 360. */
class DailyBalancesTest {

    private static DailyBalances.Movement on(String day, String balanceAfter) {
        return new DailyBalances.Movement(LocalDate.parse(day), new BigDecimal(balanceAfter));
    }

    @Test
    void aBalanceHeldAllYear() {
        // 3,600 all of 2025 (365 days): 1,314,000 balance-days; at 1.5%: 1,314,000 x 0.015 / 360 = 54.75
        BigDecimal days = DailyBalances.sum(2025, new BigDecimal("3600.00"), List.of());
        assertEquals(new BigDecimal("1314000.00"), days);
        assertEquals(new BigDecimal("54.75"), DailyBalances.interest(days, new BigDecimal("0.015")));
    }

    @Test
    void eachDayCountsWithTheBalanceItEndedWith() {
        // 1,000 from 1 January; 10 March (day 70 of the leap year 2024) ends at 400 after two payments that
        // day: 69 x 1,000 + 297 x 400 = 69,000 + 118,800 = 187,800; at 0.35%: 187,800 x 0.0035 / 360 = 1.8258 -> 1.83
        BigDecimal days = DailyBalances.sum(2024, new BigDecimal("1000.00"),
                List.of(on("2024-03-10", "700.00"), on("2024-03-10", "400.00")));
        assertEquals(new BigDecimal("187800.00"), days);
        assertEquals(new BigDecimal("1.83"), DailyBalances.interest(days, new BigDecimal("0.0035")));
    }

    @Test
    void anAccountOpenedDuringTheYearEarnsFromItsFirstBalance() {
        // nothing until 31 December, when 720 arrives: one day of 720 = 720 balance-days
        BigDecimal days = DailyBalances.sum(2025, new BigDecimal("0.00"), List.of(on("2025-12-31", "720.00")));
        assertEquals(new BigDecimal("720.00"), days);
        assertEquals(new BigDecimal("0.03"), DailyBalances.interest(days, new BigDecimal("0.015")));
    }
}
