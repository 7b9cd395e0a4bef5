package cn.medins.account.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * account-service's own settings ({@code account.*}): the account rules that are policy (domain sections
 * 3-4); the shared ones are {@code common.config.MedinsConfig}'s. README "Configuration" lists each.
 */
@ConfigMapping(prefix = "account")
public interface AccountConfig {

    /** Share of the employer contribution credited to the personal account (reference: 0). */
    @WithDefault("0")
    BigDecimal employerShareToAccount();

    RetireeAllocation retireeAllocation();

    /** A gap of more than this many unpaid months starts a waiting period (reference: 3). */
    @WithDefault("3")
    int arrearsMaxGapMonths();

    /** Consecutive months to contribute after such a gap before coverage resumes (reference: 6). */
    @WithDefault("6")
    int arrearsWaitingMonths();

    /** Days after a late resident premium before coverage starts (decided: 90). */
    @WithDefault("90")
    int residentWaitingDays();

    /** Monthly credit of a retiree's account: a fixed amount, or a share of the average pension. */
    interface RetireeAllocation {
        Optional<BigDecimal> fixedAmount();

        /** Reference, Luoyang: 3.5%. */
        @WithDefault("0.035")
        BigDecimal pensionShare();

        @WithDefault("4000.00")
        BigDecimal averagePension();
    }
}
