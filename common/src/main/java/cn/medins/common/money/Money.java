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

    /**
     * For people: the amount at scale 2 with thousands separated ({@code 12,345.60}), as
     * {@code String.format("%,.2f")} writes it, without the formatter's cost (it is called for every
     * step of a settlement's trace).
     */
    public static String format(BigDecimal amount) {
        String plain = of(amount).toPlainString();
        int sign = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        StringBuilder text = new StringBuilder(plain.length() + point / 3).append(plain, 0, sign);
        for (int i = sign; i < point; i++) {
            if (i > sign && (point - i) % 3 == 0) {
                text.append(',');
            }
            text.append(plain.charAt(i));
        }
        return text.append(plain, point, plain.length()).toString();
    }

    public static boolean isPositive(BigDecimal amount) {
        return amount.signum() > 0;
    }
}
