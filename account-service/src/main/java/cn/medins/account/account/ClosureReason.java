package cn.medins.account.account;

import cn.medins.account.enrollment.PersonType;
import java.util.Arrays;
import java.util.Optional;

/**
 * The only reasons a personal account may be paid out in cash (不可提现, 禁止套现): death (to
 * the heirs), emigration before retirement, a foreign national leaving China before retirement.
 */
public enum ClosureReason {
    DEATH, EMIGRATION, FOREIGNER_DEPARTURE;

    public static Optional<ClosureReason> parse(String text) {
        return Arrays.stream(values()).filter(r -> r.name().equals(text)).findFirst();
    }

    /** Emigration and departure pay out only before retirement; death always. */
    public boolean allowedFor(PersonType personType) {
        return this == DEATH || personType != PersonType.RETIRED;
    }
}
