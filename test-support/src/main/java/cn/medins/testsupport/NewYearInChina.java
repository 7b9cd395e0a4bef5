package cn.medins.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.LocalDate;
import java.util.Map;

/**
 * A service whose business clock starts at 17:30 UTC on 31 December 2026, which is already 01:30 on
 * 1 January 2027 in China: the tests run with the JVM in UTC ({@code -Duser.timezone=UTC}), so any
 * "today" read from the server's zone would still be 31 December.
 */
public class NewYearInChina implements QuarkusTestProfile {

    public static final String START = "2026-12-31T17:30:00Z";
    /** The business day at {@link #START}. */
    public static final LocalDate TODAY = LocalDate.of(2027, 1, 1);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("medins.clock.start", START);
    }
}
