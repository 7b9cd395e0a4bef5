package cn.medins.remotecare.filing;

import cn.medins.common.idempotency.IdempotentRequests;
import cn.medins.common.paging.Page;
import cn.medins.common.problem.Params;
import cn.medins.common.security.Caller;
import cn.medins.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Remote-care filings (异地就医备案). */
@Path("/filings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "filings")
@APIResponse(responseCode = "400", description = "VALIDATION_FAILED, MALFORMED_JSON: the problem names the field")
public class FilingResource {

    @Inject
    FilingService filings;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    /** An insured person sees and cancels only their own filings: others do not exist. */
    private Filing own(long filingId) {
        Filing f = filings.get(filingId);
        caller.requireSelf(f.personId, "FILING_NOT_FOUND", "No filing " + filingId + ".");
        return f;
    }

    /** The body of a filing. */
    public record FilingRequest(
            @NotNull Long personId,
            @NotNull @Pattern(regexp = "^[1-9]\\d{5}$", message = "must be a 6-digit region code: a province "
                    + "XX0000 or a city XXXX00") String destinationRegion,
            @NotNull FilingType type,
            @NotNull FilingReason reason,
            @NotNull LocalDate startDate,
            LocalDate endDate,
            @Valid Proof proof,
            @NotNull Boolean personalAccountEnabled,
            LocalDate treatmentDate) {
    }

    /** Proof of long-term residence or work elsewhere. */
    public record Proof(@NotNull ProofKind kind, @NotBlank @Size(max = 64) String number) {
    }

    public record FilingView(long filingId, long personId, String insuredRegion, String destinationRegion,
                             FilingType type, FilingReason reason, String status, LocalDate startDate,
                             LocalDate endDate, LocalDate validFrom, LocalDate validUntil, LocalDate treatmentDate,
                             Proof proof, boolean personalAccountEnabled, Instant createdAt, LocalDate cancelledOn) {
        static FilingView of(Filing f) {
            return new FilingView(f.id, f.personId, f.insuredRegion, f.destinationRegion, f.type, f.reason,
                    f.status.name(), f.startDate, f.endDate, f.validFrom, f.validUntil, f.treatmentDate,
                    f.proofKind == null ? null : new Proof(f.proofKind, f.proofNumber), f.personalAccountEnabled,
                    f.createdAt, f.cancelledOn);
        }
    }

    @POST
    @Operation(summary = "File for remote care", description = "LONG_TERM (proof required, valid until cancelled), "
            + "TEMPORARY (valid at least 6 months; may start up to remote.backdate-days, 30, before today, so that a stay "
            + "under way settles directly at discharge), EMERGENCY (may be filed after the care; treatmentDate required and "
            + "covered). Honours an optional Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Filed", content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilingView.class)))
    @APIResponse(responseCode = "409", description = "OVERLAPPING_FILING, IDEMPOTENCY_KEY_IN_FLIGHT")
    @APIResponse(responseCode = "422", description = "UNKNOWN_PERSON, NOT_ACTIVELY_ENROLLED, "
            + "DESTINATION_IS_INSURED_REGION, IDEMPOTENCY_KEY_REUSED")
    @APIResponse(responseCode = "503", description = "ACCOUNT_SERVICE_UNAVAILABLE")
    @RolesAllowed({Roles.AGENCY, Roles.INSURED})
    public Response submitFiling(@Valid @NotNull FilingRequest body) {
        caller.requireSelf(body.personId(), "UNKNOWN_PERSON", "account-service knows no person " + body.personId() + ".");
        return idempotency.optional(body, () -> {
            Filing f = filings.file(new FilingService.Request(body.personId(), body.destinationRegion(), body.type(),
                    body.reason(), body.startDate(), body.endDate(), body.proof() == null ? null : body.proof().kind(),
                    body.proof() == null ? null : body.proof().number(), body.personalAccountEnabled(),
                    body.treatmentDate()));
            return Response.created(URI.create("/filings/" + f.id)).entity(FilingView.of(f)).build();
        });
    }

    @GET
    @Path("/{filingId}")
    @Operation(summary = "A filing")
    @APIResponse(responseCode = "200", description = "The filing")
    @APIResponse(responseCode = "404", description = "FILING_NOT_FOUND")
    @RolesAllowed({Roles.AGENCY, Roles.INSURED})
    public FilingView filing(@RestPath long filingId) {
        return FilingView.of(own(filingId));
    }

    @GET
    @Operation(summary = "A person's filings")
    @APIResponse(responseCode = "200", description = "The person's filings, oldest first")
    @RolesAllowed({Roles.AGENCY, Roles.INSURED})
    public Page<FilingView> filings(@RestQuery String personId) {
        long person = Params.requiredId("personId", personId);
        caller.requireSelf(person, "PERSON_NOT_FOUND", "No insured person " + person + ".");
        return new Page<>(Filing.ofPerson(person).stream().map(FilingView::of).toList(), null);
    }

    @POST
    @Path("/{filingId}/cancellation")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Cancel a filing", description = "From today on it covers nothing; care before stays covered.")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "404", description = "FILING_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ALREADY_CANCELLED")
    @RolesAllowed({Roles.AGENCY, Roles.INSURED})
    public FilingView cancel(@RestPath long filingId) {
        own(filingId);
        return FilingView.of(filings.cancel(filingId));
    }
}
