package cn.medins.reimbursement.visit;

import cn.medins.common.input.BodyLimit;
import cn.medins.common.idempotency.IdempotentRequests;
import cn.medins.common.paging.Cursor;
import cn.medins.common.paging.Page;
import cn.medins.common.security.Caller;
import cn.medins.common.security.Roles;
import cn.medins.reimbursement.settlement.SettlementResource;
import cn.medins.reimbursement.settlement.SettlementResponse;
import cn.medins.reimbursement.settlement.SettlementService;
import cn.medins.reimbursement.settlement.VisitSettlementRequest;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Visits as hospitals settle them (入院办理, 费用明细上传, 预结算, 结算, 出院办理, 入院撤销). An institution acts
 * only on its own visits (403 for another's); an insured person may read their own.
 */
@Path("/visits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "visits")
@APIResponse(responseCode = "400", description = "VALIDATION_FAILED, MALFORMED_JSON")
@APIResponse(responseCode = "403", description = "FORBIDDEN: the token acts for another institution")
public class VisitResource {

    private static final String VISIT = "/{institutionCode}/{visitId}";

    @Inject
    VisitService visits;

    @Inject
    FeeLineService feeLines;

    @Inject
    SettlementService settlements;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Admit a visit (入院办理 / 挂号)", description = "Decides the person's cover on the admission "
            + "(or service) date and stores it with the visit: a person not covered is admitted, and the visit's "
            + "settlement pays nothing from the funds and says why.")
    @APIResponse(responseCode = "201", description = "Admitted: status OPEN",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VisitResponse.class)))
    @APIResponse(responseCode = "409", description = "VISIT_EXISTS")
    @APIResponse(responseCode = "422", description = "UNKNOWN_INSTITUTION, INSTITUTION_NOT_DESIGNATED, "
            + "MEDICAL_TYPE_NOT_OFFERED, UNKNOWN_PERSON, POLICY_NOT_FOUND")
    @APIResponse(responseCode = "503", description = "ACCOUNT_SERVICE_UNAVAILABLE, REMOTE_CARE_SERVICE_UNAVAILABLE: "
            + "nothing was stored")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION})
    public Response admitVisit(@Valid @NotNull AdmissionRequest body) {
        caller.requireInstitution(body.institutionCode());
        return Response.status(201).entity(visits.response(visits.admit(body))).build();
    }

    @GET
    @Path(VISIT)
    @Operation(summary = "A visit, with its cover and the totals of its fee lines by category")
    @APIResponse(responseCode = "200", description = "The visit (a withdrawn one when no live visit has the id)")
    @APIResponse(responseCode = "404", description = "VISIT_NOT_FOUND")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION, Roles.INSURED})
    public VisitResponse getVisit(@RestPath String institutionCode, @RestPath String visitId) {
        return visits.response(readable(institutionCode, visitId));
    }

    @BodyLimit(bytes = 2 << 20, holds = "a batch of at most 1,000 fee lines")
    @POST
    @Path(VISIT + "/fee-lines")
    @Operation(summary = "Upload fee details (费用明细上传)", description = "1 to 1,000 lines, each keyed by the "
            + "hospital's lineNo: a line sent again is kept once; the same lineNo with other content is refused "
            + "(nothing of the batch is stored).")
    @APIResponse(responseCode = "200", description = "What the catalogue made of each line")
    @APIResponse(responseCode = "404", description = "VISIT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "FEE_LINE_CONFLICT, VISIT_SETTLED, VISIT_WITHDRAWN")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION})
    public FeeLineAnswer uploadFeeLines(@RestPath String institutionCode, @RestPath String visitId,
                                @Valid @NotNull FeeLineUpload body) {
        caller.requireInstitution(institutionCode);
        return feeLines.upload(institutionCode, visitId, body);
    }

    @GET
    @Path(VISIT + "/fee-lines")
    @Operation(summary = "The uploaded fee lines, in upload order, revoked ones with revokedAt")
    @APIResponse(responseCode = "200", description = "A page of lines")
    @APIResponse(responseCode = "404", description = "VISIT_NOT_FOUND")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION, Roles.INSURED})
    public Page<FeeLineAnswer.Stored> listFeeLines(@RestPath String institutionCode, @RestPath String visitId,
                                            @RestQuery String limit, @RestQuery String cursor) {
        Visit v = readable(institutionCode, visitId);
        int size = Cursor.limit(limit);
        return Page.of(feeLines.page(v, Cursor.decode(cursor), size), size, l -> l.id, FeeLineAnswer.Stored::of);
    }

    @POST
    @Path(VISIT + "/fee-lines/revocation")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Revoke fee lines (费用明细撤销)", description = "The named lines, or all the visit's when the "
            + "body or lineNos is absent; a revoked lineNo may be uploaded again.")
    @APIResponse(responseCode = "200", description = "How many lines were revoked now")
    @APIResponse(responseCode = "404", description = "VISIT_NOT_FOUND, FEE_LINE_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "VISIT_SETTLED, VISIT_WITHDRAWN")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION})
    public VisitChanges.Revoked revokeFeeLines(@RestPath String institutionCode, @RestPath String visitId,
                                       @Valid VisitChanges.Revocation body) {
        caller.requireInstitution(institutionCode);
        return new VisitChanges.Revoked(feeLines.revoke(institutionCode, visitId, body == null ? null : body.lineNos()));
    }

    @POST
    @Path(VISIT + "/discharge")
    @Operation(summary = "Discharge a stay (出院办理)", description = "Sets, or corrects while it is open, the discharge "
            + "date, which an inpatient settlement needs.")
    @APIResponse(responseCode = "200", description = "The visit")
    @APIResponse(responseCode = "404", description = "VISIT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "NOT_INPATIENT, VISIT_SETTLED, VISIT_WITHDRAWN")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION})
    public VisitResponse dischargeVisit(@RestPath String institutionCode, @RestPath String visitId,
                                   @Valid @NotNull VisitChanges.Discharge body) {
        caller.requireInstitution(institutionCode);
        return visits.response(visits.discharge(institutionCode, visitId, body.dischargeDate()));
    }

    @POST
    @Path(VISIT + "/settlement/preview")
    @Operation(summary = "Pre-settle the uploaded lines (预结算)", description = "The settlement document with the "
            + "person's current accumulators; changes nothing. A stay not yet discharged is computed as if "
            + "discharged today (中途预结算).")
    @APIResponse(responseCode = "200", description = "The breakdown (settlementId and status are null)")
    @APIResponse(responseCode = "404", description = "VISIT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "VISIT_WITHDRAWN, TOTAL_MISMATCH (the lines do not total "
            + "expectedTotalAmount)")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION})
    public SettlementResponse previewVisitSettlement(@RestPath String institutionCode, @RestPath String visitId,
                                      @Valid @NotNull VisitSettlementRequest body) {
        caller.requireInstitution(institutionCode);
        return SettlementResponse.of(settlements.previewVisit(visits.admitted(institutionCode, visitId), body));
    }

    @POST
    @Path(VISIT + "/settlement")
    @Operation(summary = "Settle the uploaded lines (结算)", description = "As POST /settlements, with the cover stored "
            + "at admission and the lines' sums; requires an Idempotency-Key. Cancel with POST "
            + "/settlements/{id}/cancellation, after which the visit is OPEN again.")
    @APIResponse(responseCode = "201", description = "Settled", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SettlementResponse.class)))
    @APIResponse(responseCode = "404", description = "VISIT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "NOT_DISCHARGED, NO_FEE_LINES, VISIT_SETTLED, VISIT_WITHDRAWN, "
            + "VISIT_CHANGED, ALREADY_SETTLED, IDEMPOTENCY_KEY_IN_FLIGHT, TOTAL_MISMATCH (the lines do not total "
            + "expectedTotalAmount)")
    @APIResponse(responseCode = "422", description = "POLICY_NOT_FOUND, INSTITUTION_NOT_DESIGNATED, IDEMPOTENCY_KEY_REUSED")
    @APIResponse(responseCode = "503", description = "ACCOUNT_SERVICE_UNAVAILABLE (as POST /settlements)")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION})
    public Response settleVisit(@RestPath String institutionCode, @RestPath String visitId,
                           @Valid @NotNull VisitSettlementRequest body) {
        caller.requireInstitution(institutionCode);
        String key = idempotency.requireKey();
        return SettlementResource.answer(settlements.settleVisit(visits.admitted(institutionCode, visitId), body, key));
    }

    @POST
    @Path(VISIT + "/withdrawal")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Withdraw an admission (入院撤销)", description = "Only while nothing is settled; the visit id "
            + "may then be admitted again. A visit already withdrawn is answered as it is.")
    @APIResponse(responseCode = "200", description = "The visit, WITHDRAWN")
    @APIResponse(responseCode = "404", description = "VISIT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "VISIT_SETTLED")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION})
    public VisitResponse withdrawVisit(@RestPath String institutionCode, @RestPath String visitId) {
        caller.requireInstitution(institutionCode);
        return visits.response(visits.withdraw(institutionCode, visitId));
    }

    /** An institution reads its own visits (403 otherwise), an insured person theirs (404 otherwise). */
    private Visit readable(String institutionCode, String visitId) {
        caller.requireInstitution(institutionCode);
        Visit v = visits.get(institutionCode, visitId);
        caller.requireSelf(v.personId, VisitProblems.VISIT_NOT_FOUND, "No visit " + visitId + " at "
                + institutionCode + ".");
        return v;
    }
}
