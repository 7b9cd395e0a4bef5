package cn.medins.common.audit;

import cn.medins.common.security.Caller;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Records every write (POST, PUT, DELETE) with its outcome, in its own transaction. */
@ApplicationScoped
public class AuditTrail {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");

    @Inject
    CurrentIdentityAssociation identity;

    @Inject
    ManagedExecutor executor;

    @Inject
    AuditTrail self;

    /**
     * Writes answered on the IO thread (refused by a role check before the resource ran, or before
     * routing) resolve the caller without blocking and are stored from a worker thread.
     */
    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response) {
        if (!WRITES.contains(request.getMethod())) {
            return;
        }
        AuditEvent event = new AuditEvent();
        event.at = Instant.now();
        event.method = request.getMethod();
        event.path = request.getUriInfo().getPath();
        event.status = response.getStatus();
        event.outcome = AuditEvent.outcomeOf(event.status);
        if (BlockingOperationControl.isBlockingAllowed()) {
            self.store(withCaller(event, identity.getIdentity()));
        } else {
            identity.getDeferredIdentity().subscribe().with(
                    who -> executor.runAsync(() -> self.store(withCaller(event, who))),
                    failure -> executor.runAsync(() -> self.store(withCaller(event, null))));
        }
    }

    private static AuditEvent withCaller(AuditEvent event, SecurityIdentity who) {
        event.subject = who == null ? "unauthenticated" : Caller.subjectOf(who);
        event.role = who == null ? "none" : Caller.roleOf(who);
        return event;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void store(AuditEvent event) {
        event.persist();
    }
}
