package cn.medins.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

/** Test data every module needs: valid resident ID numbers, keys, exact money matchers. */
public final class TestData {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    /** When the business clock of every service under test starts (test-support's microprofile-config.properties). */
    public static final Instant CLOCK_START = Instant.parse(testSetting("medins.clock.start"));

    /** The business "today" of the tests: the date in China at {@link #CLOCK_START}. */
    public static final LocalDate TODAY = CLOCK_START.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();

    private TestData() {
    }

    /** A setting of test-support's own META-INF/microprofile-config.properties (common's has the same name). */
    private static String testSetting(String name) {
        try {
            for (URL url : Collections.list(TestData.class.getClassLoader()
                    .getResources("META-INF/microprofile-config.properties"))) {
                Properties settings = new Properties();
                try (InputStream in = url.openStream()) {
                    settings.load(in);
                }
                if ("110".equals(settings.getProperty("config_ordinal")) && settings.containsKey(name)) {
                    return settings.getProperty(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("test-support's microprofile-config.properties sets no " + name);
    }

    /** A random resident ID number with a valid GB 11643 check character (region 150402). */
    public static String idNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(20_000));
        String body = "150402" + birth.toString().replace("-", "") + String.format("%03d", r.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }

    /** Matches a JSON amount exactly, with its two decimals: {@code yuan("140")} matches {@code 140.00}. */
    public static Matcher<Object> yuan(String amount) {
        return Matchers.equalTo(new BigDecimal(amount).setScale(2));
    }
}
