package cn.medins.reimbursement.settlement;

import cn.medins.common.idempotency.IdempotentRequests;
import cn.medins.common.paging.Cursor;
import cn.medins.common.paging.Page;
import cn.medins.common.problem.Params;
import cn.medins.common.security.Caller;
import cn.medins.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Settlement (结算) at the counter: preview, settle, read, cancel. */
@Path("/settlements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "settlements")
@APIResponse(responseCode = "400", description = "VALIDATION_FAILED, MALFORMED_JSON, IDEMPOTENCY_KEY_REQUIRED")
public class SettlementResource {

    @Inject
    SettlementService settlements;

    @Inject
    SettlementCancellation cancellations;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    /** An institution sees only its own settlements, an insured person only theirs: others do not exist. */
    private Settlement readable(long settlementId) {
        Settlement s = settlements.get(settlementId);
        boolean foreignInstitution = caller.is(Roles.INSTITUTION) && !caller.is(Roles.AGENCY)
                && !caller.actsFor(s.institutionCode);
        if (foreignInstitution) {
            throw SettlementProblems.notFound("settlement", settlementId);
        }
        caller.requireSelf(s.personId, SettlementProblems.SETTLEMENT_NOT_FOUND, "No settlement " + settlementId + ".");
        return s;
    }

    @POST
    @Path("/preview")
    @Operation(summary = "Preview a settlement (预结算)", description = "Computes the breakdown with the person's "
            + "current yearly accumulators and estimates the account part; changes nothing.")
    @APIResponse(responseCode = "200", description = "The breakdown (settlementId and status are null)")
    @APIResponse(responseCode = "422", description = "UNKNOWN_INSTITUTION, INSTITUTION_NOT_DESIGNATED, "
            + "MEDICAL_TYPE_NOT_OFFERED, UNKNOWN_PERSON, "
            + "POLICY_NOT_FOUND, REMOTE_FILING_REQUIRED, INSTITUTION_NOT_NETWORKED, "
            + "CHRONIC_CONDITION_NOT_REGISTERED, CHRONIC_DISEASE_NOT_COVERED")
    @APIResponse(responseCode = "503", description = "ACCOUNT_SERVICE_UNAVAILABLE, REMOTE_CARE_SERVICE_UNAVAILABLE")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION})
    public SettlementResponse preview(@Valid @NotNull SettlementRequest body) {
        caller.requireInstitution(body.institutionCode());
        return SettlementResponse.of(settlements.preview(body));
    }

    @POST
    @Operation(summary = "Settle a visit (结算)", description = "Once per (institutionCode, visitId). The pooled fund "
            + "and catastrophic insurance pay per the insured region's policy; with useAccount the personal account "
            + "(or familyPayerPersonId's, 家庭共济) pays the personal burden up to its balance; the rest is cash. "
            + "Requires an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Settled: status COMPLETED", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettlementResponse.class)))
    @APIResponse(responseCode = "409", description = "ALREADY_SETTLED, IDEMPOTENCY_KEY_IN_FLIGHT")
    @APIResponse(responseCode = "422", description = "UNKNOWN_INSTITUTION, INSTITUTION_NOT_DESIGNATED, "
            + "MEDICAL_TYPE_NOT_OFFERED, UNKNOWN_PERSON, "
            + "POLICY_NOT_FOUND, REMOTE_FILING_REQUIRED, INSTITUTION_NOT_NETWORKED, "
            + "CHRONIC_CONDITION_NOT_REGISTERED, CHRONIC_DISEASE_NOT_COVERED, IDEMPOTENCY_KEY_REUSED")
    @APIResponse(responseCode = "503", description = "ACCOUNT_SERVICE_UNAVAILABLE: nothing was settled, or (when the "
            + "detail names a settlement) it is PENDING and will be completed or voided automatically; "
            + "REMOTE_CARE_SERVICE_UNAVAILABLE: remote care cannot be settled now, nothing was done")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION})
    public Response settle(@Valid @NotNull SettlementRequest body) {
        caller.requireInstitution(body.institutionCode());
        return answer(settlements.settle(body, idempotency.requireKey(), false));
    }

    /** 201 with the settlement made now, or the stored answer replayed. */
    public static Response answer(Settled settled) {
        return settled.replayed() ? IdempotentRequests.replay(settled.replay())
                : Response.status(201).entity(SettlementResponse.of(settled.settlement())).build();
    }

    @GET
    @Path("/{settlementId}")
    @Operation(summary = "A settlement, with its trace")
    @APIResponse(responseCode = "200", description = "The settlement")
    @APIResponse(responseCode = "404", description = "SETTLEMENT_NOT_FOUND")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION, Roles.INSURED})
    public SettlementResponse settlement(@RestPath long settlementId) {
        return SettlementResponse.of(readable(settlementId));
    }

    @GET
    @Operation(summary = "A person's settlements, newest first")
    @APIResponse(responseCode = "200", description = "A page of settlements")
    @RolesAllowed({Roles.AGENCY, Roles.INSURED})
    public Page<SettlementResponse> settlements(@RestQuery String personId, @RestQuery String year, @RestQuery String limit,
                                         @RestQuery String cursor) {
        long person = Params.requiredId("personId", personId);
        caller.requireSelf(person, "PERSON_NOT_FOUND", "No insured person " + person + ".");
        int size = Cursor.limit(limit);
        return Page.of(settlements.list(person, Params.integer("year", year), Cursor.decode(cursor), size), size,
                s -> s.id, SettlementResponse::of);
    }

    @POST
    @Path("/{settlementId}/cancellation")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Cancel a settlement (撤销)", description = "Refunds the account payment and returns exactly "
            + "the yearly quotas it used; once. Requires an Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettlementResponse.class)))
    @APIResponse(responseCode = "404", description = "SETTLEMENT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ALREADY_CANCELLED, SETTLEMENT_PENDING, SETTLEMENT_FAILED, "
            + "CLAIM_NOT_REVIEWED (a submitted claim is approved or rejected, not cancelled), IDEMPOTENCY_KEY_IN_FLIGHT")
    @APIResponse(responseCode = "503", description = "ACCOUNT_SERVICE_UNAVAILABLE: the settlement is CANCELLING and "
            + "will be finished automatically (or by a cancellation with another key)")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION})
    public Response cancel(@RestPath long settlementId) {
        caller.requireInstitution(readable(settlementId).institutionCode);
        Settled cancelled = cancellations.cancel(settlementId, idempotency.requireKey());
        return cancelled.replayed() ? IdempotentRequests.replay(cancelled.replay())
                : Response.ok(SettlementResponse.of(cancelled.settlement())).build();
    }
}
