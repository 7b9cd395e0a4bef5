package cn.medins.common.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

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
     * {@code String.format("%,.2f")} writes it, without the formatter's cost: it is called for every
     * step of a settlement's trace (about 35 times for a stay), so the digits are written straight
     * from the amount in cents instead of through {@link BigDecimal#toPlainString()}.
     */
    public static String format(BigDecimal amount) {
        BigDecimal inCents = of(amount).movePointRight(SCALE);
        if (inCents.precision() > 11) { // a billion yuan or more: never a bill (ABSURD), so the slow way
            return String.format("%,.2f", of(amount));
        }
        long cents = inCents.longValueExact();
        int yuan = (int) (Math.abs(cents) / 100);
        int fen = (int) (Math.abs(cents) - yuan * 100L);
        byte[] text = new byte[16]; // "-999,999,999.99"
        int at = text.length;
        text[--at] = (byte) ('0' + fen % 10);
        text[--at] = (byte) ('0' + fen / 10);
        text[--at] = '.';
        for (int digits = 0; digits == 0 || yuan > 0; digits++, yuan /= 10) {
            if (digits > 0 && digits % 3 == 0) {
                text[--at] = ',';
            }
            text[--at] = (byte) ('0' + yuan % 10);
        }
        if (cents < 0) {
            text[--at] = '-';
        }
        return new String(text, at, text.length - at, StandardCharsets.ISO_8859_1);
    }

    public static boolean isPositive(BigDecimal amount) {
        return amount.signum() > 0;
    }
}
