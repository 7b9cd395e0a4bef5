package cn.medins.account.contribution;

import cn.medins.common.idempotency.IdempotentRequests;
import cn.medins.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The monthly credit of retirees' personal accounts. */
@Path("/retiree-allocations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class RetireeAllocationResource {

    @Inject
    ContributionService contributions;

    @Inject
    IdempotentRequests idempotency;

    @POST
    @Operation(summary = "Credit every active retiree's account for a month",
            description = "The amount is account.retiree-allocation.fixed-amount, or pension-share x average-pension. "
                    + "Each account is credited once per month, however often this runs. Requires an Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "How many accounts were credited", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RetireeAllocations.Allocated.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, IDEMPOTENCY_KEY_REQUIRED")
    @APIResponse(responseCode = "409", description = "IDEMPOTENCY_KEY_IN_FLIGHT")
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    @RolesAllowed(Roles.AGENCY)
    public Response allocate(@Valid @NotNull RetireeAllocations.RetireeAllocation body) {
        return idempotency.required(body, () -> Response.ok(
                RetireeAllocations.Allocated.of(contributions.allocateRetirees(body.period()))).build());
    }
}
