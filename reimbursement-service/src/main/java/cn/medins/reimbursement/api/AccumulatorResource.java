package cn.medins.reimbursement.api;

import cn.medins.common.security.Caller;
import cn.medins.common.security.Roles;
import cn.medins.reimbursement.service.AccumulatorService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.Map;
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

    /** Yearly use; the caps come from the person's policy for that year (null when there is none). */
    public record Yearly(long personId, int year, BigDecimal inpatientFundPaid, BigDecimal inpatientCapRemaining,
                         BigDecimal outpatientDeductibleUsed, BigDecimal outpatientFundPaid,
                         BigDecimal outpatientCapRemaining, BigDecimal catastrophicBurden, BigDecimal catastrophicPaid,
                         int admissions, Map<String, Chronic> chronic) {
    }

    /** One chronic disease's use this year (门诊慢特病); capRemaining null when the policy does not list it. */
    public record Chronic(BigDecimal deductibleUsed, BigDecimal fundPaid, BigDecimal capRemaining) {
    }

    @GET
    @Operation(summary = "Yearly accumulators (年度累计)")
    @APIResponse(responseCode = "200", description = "The year's use")
    @APIResponse(responseCode = "404", description = "PERSON_NOT_FOUND")
    @APIResponse(responseCode = "503", description = "ACCOUNT_SERVICE_UNAVAILABLE")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION, Roles.INSURED})
    public Yearly get(@RestPath long personId, @RestPath int year) {
        caller.requireSelf(personId, "PERSON_NOT_FOUND", "No insured person " + personId + ".");
        return accumulators.yearly(personId, year);
    }
}
