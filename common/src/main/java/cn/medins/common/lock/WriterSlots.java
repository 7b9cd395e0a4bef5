package cn.medins.common.lock;

import cn.medins.common.config.MedinsConfig;
import cn.medins.common.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The writer slots: at most the pool's size less {@code medins.database.reserved-for-reads} calls of
 * {@link HoldsWriterSlot} work run at once. Without the bound, requests blocked by one locked table
 * (a long migration, a stuck batch) would hold every pooled connection for their lock timeout, and
 * health checks and reads that never touch the table would fail for want of a connection. A call
 * that finds no slot free within {@code medins.database.writer-wait} is a 503 {@code DATABASE_BUSY}
 * with Retry-After, like one whose lock wait ran out. It runs outside the transaction (priority
 * before the transaction interceptor's), and a call made while the thread holds a slot reuses it.
 */
@HoldsWriterSlot
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class WriterSlots {

    private static final Logger LOG = Logger.getLogger(WriterSlots.class);
    private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[1]);

    private final Semaphore slots;
    private final long waitMillis;

    @Inject
    public WriterSlots(MedinsConfig config, @ConfigProperty(name = "quarkus.datasource.jdbc.max-size") int poolSize) {
        this.slots = new Semaphore(Math.max(1, poolSize - config.database().reservedForReads()), true);
        this.waitMillis = config.database().writerWait().toMillis();
    }

    @AroundInvoke
    Object hold(InvocationContext call) throws Exception {
        int[] held = HELD.get();
        if (held[0] > 0) {
            return proceed(call, held);
        }
        if (!slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
            LOG.warnf("No writer slot free within %d ms for %s", waitMillis, call.getMethod());
            throw ProblemException.unavailable("DATABASE_BUSY", "Every connection this service gives to writing "
                    + "is waiting for data other work holds locked; nothing was done. Retry in a moment.");
        }
        try {
            return proceed(call, held);
        } finally {
            slots.release();
        }
    }

    private static Object proceed(InvocationContext call, int[] held) throws Exception {
        held[0]++;
        try {
            return call.proceed();
        } finally {
            held[0]--;
        }
    }
}
