package cn.medins.reimbursement.api;

import cn.medins.reimbursement.service.SettlementService;
import cn.medins.common.idempotency.Idempotency;
import cn.medins.common.security.Caller;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 手工报销: care paid in full where it could not be settled directly, claimed at the insured region. */
@Path("/reimbursement-claims")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "settlements")
public class ClaimResource {

    @Inject
    SettlementService settlements;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Claim remote care paid in full (手工报销)", description = "The settlement body plus "
            + "invoiceNumbers. Care without a filing is computed as REMOTE_UNFILED_CLAIM, every ratio lowered by the "
            + "policy's remote.unfiledRatioReduction; filed or exempt care at an institution that does not settle "
            + "remotely is claimed without reduction. The account never pays a claim. Requires an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The claim, settled")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (invoiceNumbers required), "
            + "IDEMPOTENCY_KEY_REQUIRED")
    @APIResponse(responseCode = "409", description = "ALREADY_SETTLED, IDEMPOTENCY_KEY_IN_FLIGHT")
    @APIResponse(responseCode = "422", description = "CLAIM_NOT_APPLICABLE (local, or settle at the counter), "
            + "UNKNOWN_INSTITUTION, INSTITUTION_NOT_DESIGNATED, MEDICAL_TYPE_NOT_OFFERED, UNKNOWN_PERSON, POLICY_NOT_FOUND")
    @APIResponse(responseCode = "503", description = "ACCOUNT_SERVICE_UNAVAILABLE, REMOTE_CARE_SERVICE_UNAVAILABLE")
    @RolesAllowed({Roles.AGENCY, Roles.INSURED})
    public Response claim(@Valid @NotNull SettlementRequest body) {
        caller.requireSelf(body.personId(), "UNKNOWN_PERSON", "account-service knows no person " + body.personId() + ".");
        return SettlementResource.answer(settlements.settle(body, idempotency.requireKey(), true));
    }
}
