package cn.medins.common.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Yuan amounts: always {@link BigDecimal} at scale 2, rounded HALF_UP. */
public final class Money {

    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
    /** Anything above this is an input error, not a medical bill. */
    public static final BigDecimal ABSURD = new BigDecimal("100000000");

    private Money() {
    }

    public static BigDecimal of(BigDecimal amount) {
        return amount == null ? null : amount.setScale(SCALE, ROUNDING);
    }

    public static BigDecimal of(String amount) {
        return of(new BigDecimal(amount));
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static boolean isPositive(BigDecimal amount) {
        return amount.signum() > 0;
    }
}
