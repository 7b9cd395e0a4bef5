package cn.medins.reimbursement.settlement;

import cn.medins.common.security.Caller;
import cn.medins.common.security.Roles;
import cn.medins.reimbursement.settlement.AccumulatorView.Yearly;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** A person's use of the year's pooled-fund quotas. */
@Path("/persons/{personId}/accumulators/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "settlements")
public class AccumulatorResource {

    @Inject
    AccumulatorService accumulators;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Yearly accumulators (年度累计)")
    @APIResponse(responseCode = "200", description = "The year's use")
    @APIResponse(responseCode = "404", description = "PERSON_NOT_FOUND")
    @APIResponse(responseCode = "503", description = "ACCOUNT_SERVICE_UNAVAILABLE")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION, Roles.INSURED})
    public Yearly accumulators(@RestPath long personId, @RestPath int year) {
        caller.requireSelf(personId, "PERSON_NOT_FOUND", "No insured person " + personId + ".");
        return accumulators.yearly(personId, year);
    }
}
