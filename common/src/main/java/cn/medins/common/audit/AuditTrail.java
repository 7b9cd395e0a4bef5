package cn.medins.common.audit;

import cn.medins.common.config.MedinsConfig;
import cn.medins.common.security.Caller;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records every write (POST, PUT, DELETE) with its outcome. Events are written in batches, one
 * transaction and one JDBC batch for all the writes of the last {@code medins.audit.flush-interval}
 * (default 100 ms), instead of a transaction of their own per request; {@code GET /audit} and a
 * graceful shutdown write what is still pending first. Only a process killed outright can lose the
 * events of that last interval (the effects themselves are in their own tables).
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    Clock clock;

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");
    /** The width of {@code audit_event.path}: a longer path is recorded cut, never refused. */
    static final int PATH_WIDTH = 500;
    static final int SUBJECT_WIDTH = 200;
    /** Events kept while the database is away; past this the oldest are dropped, with an error logged. */
    private static final int MAX_PENDING = 100_000;

    @Inject
    CurrentIdentityAssociation identity;

    @Inject
    ManagedExecutor executor;

    @Inject
    Vertx vertx;

    @Inject
    AuditRepository events;

    @Inject
    MedinsConfig config;

    private final Queue<AuditEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    /**
     * Writes answered on the IO thread (refused by a role check before the resource ran, or before
     * routing) resolve the caller without blocking.
     */
    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response) {
        if (!WRITES.contains(request.getMethod())) {
            return;
        }
        AuditEvent event = new AuditEvent();
        event.at = clock.instant();
        event.method = request.getMethod();
        event.path = storable(request.getUriInfo().getPath(), PATH_WIDTH);
        event.status = response.getStatus();
        event.outcome = AuditEvent.outcomeOf(event.status);
        if (BlockingOperationControl.isBlockingAllowed()) {
            enqueue(withCaller(event, identity.getIdentity()));
        } else {
            identity.getDeferredIdentity().subscribe().with(
                    who -> enqueue(withCaller(event, who)),
                    failure -> enqueue(withCaller(event, null)));
        }
    }

    /** PostgreSQL text cannot hold NUL, and the columns have a width: neither may lose the event. */
    static String storable(String text, int width) {
        String clean = text.replace('\u0000', '\uFFFD');
        return clean.length() > width ? clean.substring(0, width - 3) + "..." : clean;
    }

    private static AuditEvent withCaller(AuditEvent event, SecurityIdentity who) {
        event.subject = storable(who == null ? "unauthenticated" : Caller.subjectOf(who), SUBJECT_WIDTH);
        event.role = who == null ? "none" : Caller.roleOf(who);
        return event;
    }

    private void enqueue(AuditEvent event) {
        pending.add(event);
        if (flushScheduled.compareAndSet(false, true)) {
            vertx.setTimer(config.audit().flushIntervalMs(), id -> executor.execute(this::flush));
        }
    }

    /** Writes every pending event, in one transaction. */
    public synchronized void flush() {
        flushScheduled.set(false);
        List<AuditEvent> batch = new ArrayList<>();
        for (AuditEvent e = pending.poll(); e != null; e = pending.poll()) {
            batch.add(e);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            events.insert(batch);
        } catch (RuntimeException e) {
            // the database is away: keep the events for the next flush rather than lose them
            LOG.warnf("audit: %d events not written yet (%s); retrying", batch.size(), e.getMessage());
            pending.addAll(batch);
            for (int over = pending.size() - MAX_PENDING; over > 0 && pending.poll() != null; over--) {
                LOG.error("audit: the database has been away too long; an audit event was dropped");
            }
            if (flushScheduled.compareAndSet(false, true)) {
                vertx.setTimer(Math.max(1000, config.audit().flushIntervalMs()), id -> executor.execute(this::flush));
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        flush();
    }
}
