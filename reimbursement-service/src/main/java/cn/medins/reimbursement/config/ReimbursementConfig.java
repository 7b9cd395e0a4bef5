package cn.medins.reimbursement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * reimbursement-service's own settings ({@code reimbursement.*}); the shared ones are
 * {@code common.config.MedinsConfig}'s. README "Configuration" lists each with its environment name.
 */
@ConfigMapping(prefix = "reimbursement")
public interface ReimbursementConfig {

    Recovery recovery();

    interface Recovery {
        /** How often recovery looks for unfinished sagas ({@code off} in tests, which call it). */
        @WithDefault("15s")
        String every();

        /** PENDING/CANCELLING settlements older than this are finished or voided: longer than any call in flight. */
        @WithDefault("30s")
        Duration pendingAge();
    }
}
