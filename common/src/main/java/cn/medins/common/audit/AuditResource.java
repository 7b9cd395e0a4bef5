package cn.medins.common.audit;

import cn.medins.common.paging.Cursor;
import cn.medins.common.paging.Page;
import cn.medins.common.problem.Params;
import cn.medins.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The audit trail of this service, for the agency. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    AuditRepository events;

    @Inject
    Clock clock;

    /** One audited write. */
    public record AuditEntry(long id, Instant at, String subject, String role, String method, String path, int status,
                             String outcome) {
        static AuditEntry of(AuditEvent e) {
            return new AuditEntry(e.id, e.at, e.subject, e.role, e.method, e.path, e.status, e.outcome);
        }
    }

    @GET
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "Audited writes, newest first", description = "Filters: subject, role, outcome (SUCCESS, "
            + "REFUSED, DENIED, FAILED), from / to (dates, inclusive).")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: agency only")
    public Page<AuditEntry> auditTrail(@RestQuery String subject, @RestQuery String role, @RestQuery String outcome,
                            @RestQuery String from, @RestQuery String to, @RestQuery String limit,
                            @RestQuery String cursor) {
        trail.flush();
        int size = Cursor.limit(limit);
        Long before = Cursor.decode(cursor);
        LocalDate fromDate = Params.date("from", from, null);
        LocalDate toDate = Params.date("to", to, null);
        // the dates are the agency's, in the business zone
        List<AuditEvent> rows = events.page(subject, role, outcome,
                fromDate == null ? null : fromDate.atStartOfDay(clock.getZone()).toInstant(),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay(clock.getZone()).toInstant(), before, size);
        return Page.of(rows, size, e -> e.id, AuditEntry::of);
    }
}
