package cn.medins.remotecare.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * remote-care-service's own settings ({@code remote-care.*}): the filing rules of docs/rules.md
 * section 6; the shared ones are {@code common.config.MedinsConfig}'s. README "Configuration" lists each.
 */
@ConfigMapping(prefix = "remote-care")
public interface RemoteCareConfig {

    /** A TEMPORARY filing (异地转诊, 临时外出) lasts at least this many months. */
    @WithDefault("6")
    int temporaryMinimumMonths();

    /** A TEMPORARY filing may start this many days before it is filed (出院结算前补办备案). */
    @WithDefault("30")
    int backdateDays();
}
