package cn.medins.reimbursement.chronic;

import cn.medins.common.idempotency.IdempotentRequests;
import cn.medins.common.security.Caller;
import cn.medins.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** 门诊慢特病 registrations (认定) of a person's chronic or special outpatient diseases. */
@Path("/persons/{personId}/chronic-conditions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "chronic conditions")
public class ChronicConditionResource {

    @Inject
    ChronicConditionService conditions;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    /** A disease code as the policies key them (e.g. DIALYSIS); validUntil null is open-ended. */
    public record Registration(@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}") String diseaseCode,
                               @NotNull LocalDate approvedOn, LocalDate validUntil) {
    }

    public record Registered(long registrationId, long personId, String diseaseCode, LocalDate approvedOn,
                             LocalDate validUntil, LocalDate endedOn) {

        static Registered of(ChronicRegistration r) {
            return new Registered(r.id, r.personId, r.diseaseCode, r.approvedOn, r.validUntil, r.endedOn);
        }
    }

    public record Registrations(List<Registered> items) {
    }

    @POST
    @Operation(summary = "Register a chronic or special outpatient disease (门诊慢特病认定)", description = "From "
            + "approvedOn to validUntil (open-ended when absent). Visits of medical type 14 naming this diseaseCode "
            + "are then paid by the policy's chronic section for it. An Idempotency-Key is honoured when sent.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Registered.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "PERSON_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "CHRONIC_CONDITION_ALREADY_REGISTERED (the same disease for "
            + "some of the same days)")
    @APIResponse(responseCode = "503", description = "ACCOUNT_SERVICE_UNAVAILABLE")
    @RolesAllowed(Roles.AGENCY)
    public Response register(@RestPath long personId, @Valid @NotNull Registration body) {
        conditions.requirePerson(personId);
        return idempotency.optional(List.of(personId, body), () -> Response.status(201).entity(Registered.of(
                conditions.register(personId, body.diseaseCode(), body.approvedOn(), body.validUntil()))).build());
    }

    @GET
    @Operation(summary = "A person's chronic condition registrations")
    @APIResponse(responseCode = "200", description = "The registrations, oldest first")
    @APIResponse(responseCode = "404", description = "PERSON_NOT_FOUND (an insured person asking for another)")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION, Roles.INSURED})
    public Registrations registrations(@RestPath long personId) {
        caller.requireSelf(personId, "PERSON_NOT_FOUND", "No insured person " + personId + ".");
        return new Registrations(conditions.list(personId).stream().map(Registered::of).toList());
    }

    @DELETE
    @Path("/{registrationId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "End a registration from today", description = "Care before today keeps it; care from "
            + "today on is no longer paid as that disease.")
    @APIResponse(responseCode = "200", description = "The registration, with endedOn")
    @APIResponse(responseCode = "404", description = "CHRONIC_REGISTRATION_NOT_FOUND")
    @RolesAllowed(Roles.AGENCY)
    public Registered end(@RestPath long personId, @RestPath long registrationId) {
        return Registered.of(conditions.end(personId, registrationId));
    }
}
