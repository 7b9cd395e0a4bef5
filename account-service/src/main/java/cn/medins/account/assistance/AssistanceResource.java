package cn.medins.account.assistance;

import cn.medins.common.idempotency.IdempotentRequests;
import cn.medins.common.problem.ProblemException;
import cn.medins.common.security.Caller;
import cn.medins.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** 医疗救助对象: the identities civil affairs reports, one by one or as a list. */
@Path("/persons/{personId}/assistance-identities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "persons")
@APIResponse(responseCode = "400", description = "VALIDATION_FAILED, MALFORMED_JSON: a field is missing or wrong; "
        + "the problem names it")
public class AssistanceResource {

    private static final String NOT_FOUND = "PERSON_NOT_FOUND";

    @Inject
    AssistanceService identities;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** An identity to register; {@code validTo} absent: open-ended. */
    public record IdentityBody(@NotNull AssistanceCategory category, @NotNull LocalDate validFrom, LocalDate validTo,
                               @NotNull IdentitySource source, @Size(max = 100) String documentRef) {
    }

    /** {@code validToday}: valid on today's date in the business zone. */
    public record IdentityView(long identityId, long personId, AssistanceCategory category, LocalDate validFrom,
                               LocalDate validTo, LocalDate endedOn, IdentitySource source, String documentRef,
                               Long importId, boolean validToday) {
        static IdentityView of(AssistanceIdentity i, LocalDate today) {
            return new IdentityView(i.id, i.personId, i.category, i.validFrom, i.validTo, i.endedOn, i.source,
                    i.documentRef, i.importId, i.validOn(today));
        }
    }

    public record Identities(List<IdentityView> items) {
    }

    @POST
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "Register an identity (医疗救助对象认定)", description = "validTo absent: open-ended. "
            + "Honours an optional Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IdentityView.class)))
    @APIResponse(responseCode = "404", description = "PERSON_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "IDENTITY_OVERLAPS: an identity of the category is valid on "
            + "a day of the window; IDEMPOTENCY_KEY_IN_FLIGHT")
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    public Response registerIdentity(@RestPath long personId, @Valid @NotNull IdentityBody body) {
        if (body.validTo() != null && body.validTo().isBefore(body.validFrom())) {
            throw ProblemException.invalid("validTo", "must not be before validFrom");
        }
        return idempotency.optional(List.of(personId, body), () -> {
            AssistanceIdentity i = identities.register(personId, new AssistanceService.NewIdentity(body.category(),
                    body.validFrom(), body.validTo(), body.source(), blankToNull(body.documentRef())));
            return IdempotentRequests.created("/persons/" + personId + "/assistance-identities/" + i.id,
                    IdentityView.of(i, today()));
        });
    }

    @GET
    @RolesAllowed({Roles.AGENCY, Roles.INSURED, Roles.SERVICE})
    @Operation(summary = "A person's identities, ended ones too (the person themself may read theirs)")
    @APIResponse(responseCode = "200", description = "The identities, oldest first")
    @APIResponse(responseCode = "404", description = "PERSON_NOT_FOUND")
    public Identities identities(@RestPath long personId) {
        caller.requireSelf(personId, NOT_FOUND, "No insured person with id " + personId + ".");
        LocalDate today = today();
        return new Identities(identities.list(personId).stream().map(i -> IdentityView.of(i, today)).toList());
    }

    @DELETE
    @Path("/{identityId}")
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "End an identity from today", description = "It was valid until yesterday; the record "
            + "stays. Ending it again changes nothing.")
    @APIResponse(responseCode = "200", description = "The identity, ended")
    @APIResponse(responseCode = "404", description = "PERSON_NOT_FOUND, IDENTITY_NOT_FOUND")
    public IdentityView endIdentity(@RestPath long personId, @RestPath long identityId) {
        return IdentityView.of(identities.end(personId, identityId), today());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
