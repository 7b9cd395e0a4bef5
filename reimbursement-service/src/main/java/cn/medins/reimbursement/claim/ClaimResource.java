package cn.medins.reimbursement.claim;

import cn.medins.common.idempotency.IdempotentRequests;
import cn.medins.common.security.Caller;
import cn.medins.common.security.Roles;
import cn.medins.reimbursement.settlement.SettlementRequest;
import cn.medins.reimbursement.settlement.SettlementResource;
import cn.medins.reimbursement.settlement.SettlementResponse;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** 手工报销: care paid in full where it could not be settled directly, claimed at the insured region. */
@Path("/reimbursement-claims")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "settlements")
public class ClaimResource {

    @Inject
    ClaimService claims;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Claim remote care paid in full (手工报销)", description = "The settlement body plus "
            + "invoiceNumbers. Care without a filing is computed as REMOTE_UNFILED_CLAIM, every ratio lowered by the "
            + "policy's remote.unfiledRatioReduction; filed or exempt care at an institution that does not settle "
            + "remotely is claimed without reduction. The account never pays a claim. The claim is SUBMITTED with the "
            + "amounts it would pay, holding the yearly quotas, until the agency approves or rejects it. "
            + "Requires an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The claim, SUBMITTED", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettlementResponse.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (invoiceNumbers required), "
            + "IDEMPOTENCY_KEY_REQUIRED")
    @APIResponse(responseCode = "409", description = "ALREADY_SETTLED, DUPLICATE_INVOICE (names the claim holding "
            + "it), IDEMPOTENCY_KEY_IN_FLIGHT")
    @APIResponse(responseCode = "422", description = "CLAIM_NOT_APPLICABLE (local, or settle at the counter), "
            + "CLAIM_DEADLINE_PASSED, UNKNOWN_INSTITUTION, INSTITUTION_NOT_DESIGNATED, MEDICAL_TYPE_NOT_OFFERED, "
            + "UNKNOWN_PERSON, POLICY_NOT_FOUND, CHRONIC_CONDITION_NOT_REGISTERED, CHRONIC_DISEASE_NOT_COVERED")
    @APIResponse(responseCode = "503", description = "ACCOUNT_SERVICE_UNAVAILABLE, REMOTE_CARE_SERVICE_UNAVAILABLE")
    @RolesAllowed({Roles.AGENCY, Roles.INSURED})
    public Response claim(@Valid @NotNull SettlementRequest body) {
        caller.requireSelf(body.personId(), "UNKNOWN_PERSON", "account-service knows no person " + body.personId() + ".");
        return SettlementResource.answer(claims.submit(body, idempotency.requireKey()));
    }

    @POST
    @Path("/{settlementId}/approval")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Approve a claim", description = "SUBMITTED -> COMPLETED: the fund's part is payable to the "
            + "person. An Idempotency-Key is honoured when sent.")
    @APIResponse(responseCode = "200", description = "The claim, COMPLETED", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettlementResponse.class)))
    @APIResponse(responseCode = "404", description = "SETTLEMENT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "CLAIM_NOT_SUBMITTED")
    @RolesAllowed(Roles.AGENCY)
    public Response approve(@RestPath long settlementId) {
        return idempotency.optional(List.of("approve", settlementId), () ->
                Response.ok(SettlementResponse.of(claims.approve(settlementId))).build());
    }

    @POST
    @Path("/{settlementId}/rejection")
    @Operation(summary = "Reject a claim", description = "SUBMITTED -> REJECTED with the reason: the yearly quotas "
            + "it held return and its invoices may be claimed again. An Idempotency-Key is honoured when sent.")
    @APIResponse(responseCode = "200", description = "The claim, REJECTED", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettlementResponse.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (reason required)")
    @APIResponse(responseCode = "404", description = "SETTLEMENT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "CLAIM_NOT_SUBMITTED")
    @RolesAllowed(Roles.AGENCY)
    public Response reject(@RestPath long settlementId, @Valid @NotNull Rejection body) {
        return idempotency.optional(List.of("reject", settlementId, body.reason()), () ->
                Response.ok(SettlementResponse.of(claims.reject(settlementId, body.reason()))).build());
    }
}
