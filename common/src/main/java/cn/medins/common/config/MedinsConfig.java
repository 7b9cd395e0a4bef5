package cn.medins.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The settings every service shares ({@code medins.*}), written once; each service adds its own
 * mapping for the rest. README "Configuration" lists each with its environment name.
 */
@ConfigMapping(prefix = "medins")
public interface MedinsConfig {

    /**
     * The business zone (env {@code MEDINS_ZONE}): every "today" and "now" of the suite is read in it,
     * whatever the server's own zone, because the insured, the hospitals and the agency's clearing
     * days are in China.
     */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    Clock clock();

    Audit audit();

    Security security();

    Readiness readiness();

    Database database();

    Drain drain();

    Limits limits();

    interface Limits {
        /**
         * How many bytes of large bodies (over 1 MiB, or of unknown length) an instance reads at once (env
         * {@code LARGE_BODIES_IN_FLIGHT}): the heap is sized for this many, whatever the concurrency; a
         * large body that finds no room within a second is a 503 SERVER_BUSY with Retry-After.
         */
        @WithDefault("32M")
        io.quarkus.runtime.configuration.MemorySize largeBodiesInFlight();
    }

    interface Clock {
        /**
         * When set (env {@code MEDINS_CLOCK_START}, an ISO instant), the business clock starts at this
         * instant when the service starts and runs on from there: tests and demos fix the date this
         * way instead of depending on the day they run. Never set in production.
         */
        Optional<Instant> start();
    }

    interface Audit {
        /** How long written audit events wait to be stored together (ms). */
        @WithDefault("100")
        long flushIntervalMs();
    }

    interface Security {
        TokenCache tokenCache();

        interface TokenCache {
            /** How many verified bearer tokens are kept, so that a repeated token is not verified again. */
            @WithDefault("10000")
            long size();
        }
    }

    interface Readiness {
        /** Readiness also requires the downstream services to answer (off: a service is ready on its own). */
        @WithDefault("false")
        boolean requireDownstream();
    }

    interface Database {
        /**
         * How many of the pool's connections (env {@code DB_RESERVED_FOR_READS}) are kept from the work
         * that may wait for locks, so that reads and health checks answer while a table is locked: at
         * most {@code DB_POOL_SIZE} less this many such calls run at once.
         */
        @WithDefault("3")
        int reservedForReads();

        /**
         * How long such a call waits for one of those connections (env {@code DB_WRITER_WAIT}) before it
         * is a 503 DATABASE_BUSY; with {@code DB_LOCK_TIMEOUT} it bounds a blocked request's answer.
         */
        @WithDefault("1s")
        Duration writerWait();
    }

    interface Drain {
        /**
         * The last part of the shutdown delay (env {@code DRAIN_REFUSING}) in which new requests are
         * answered 503 SHUTTING_DOWN with Retry-After while those in flight finish, so that the server
         * closes with nothing in flight and its clients waiting to retry; the delay before it answers
         * as usual (a delay this short or shorter refuses from SIGTERM on).
         */
        @WithDefault("1s")
        Duration refusing();
    }
}
