package cn.medins.common.time;

import cn.medins.common.config.MedinsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The one business clock: a {@link Clock} in the business zone ({@code medins.zone}) behind every
 * "today" and "now" of a service, so that the date of a request never depends on the server's time
 * zone (a container runs in UTC: from 16:00 to 24:00 UTC its own "today" is yesterday in China).
 * With {@code medins.clock.start} the clock starts at that instant and runs on, for tests and demos.
 */
@ApplicationScoped
public class BusinessClock {

    @Produces
    @Singleton
    Clock clock(MedinsConfig config) {
        Clock running = Clock.system(config.zone());
        return config.clock().start()
                .map(start -> Clock.offset(running, Duration.between(running.instant(), start)))
                .orElse(running);
    }
}
