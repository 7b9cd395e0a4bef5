package cn.medins.common.money;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void formatWritesWhatTheJdkFormatterWrites() {
        for (String amount : new String[] {"0", "0.5", "1", "12.345", "999.995", "1000", "12345.6", "100000000",
                "-0.01", "-1234567.891", "3000.00", "98765432.10"}) {
            BigDecimal value = new BigDecimal(amount);
            assertEquals(String.format("%,.2f", Money.of(value)), Money.format(value), amount);
        }
    }

    @Test
    void formatAgreesWithTheJdkFormatterOnAnyAmount() {
        Random random = new Random(20261201);
        for (int i = 0; i < 200_000; i++) {
            // every magnitude from a fen to beyond a long's range, both signs, three decimals to round
            BigDecimal value = BigDecimal.valueOf(random.nextLong() >> random.nextInt(64), 3);
            if (i % 1000 == 0) {
                value = value.multiply(BigDecimal.TEN.pow(random.nextInt(20)));
            }
            assertEquals(String.format("%,.2f", Money.of(value)), Money.format(value), value.toPlainString());
        }
    }

    @Test
    void amountsAreRoundedHalfUpToTheCent() {
        assertEquals(new BigDecimal("0.13"), Money.of(new BigDecimal("0.125")));
        assertEquals(new BigDecimal("-0.13"), Money.of(new BigDecimal("-0.125")));
        assertEquals("1,000.00", Money.format(new BigDecimal("999.995")));
    }
}
