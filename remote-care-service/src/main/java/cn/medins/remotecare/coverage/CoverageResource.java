package cn.medins.remotecare.coverage;

import cn.medins.common.problem.Params;
import cn.medins.common.problem.ProblemException;
import cn.medins.common.security.Caller;
import cn.medins.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** Is care in a region covered for a person on a date? */
@Path("/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "coverage")
public class CoverageResource {

    @Inject
    Clock clock;

    @Inject
    CoverageService coverage;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Coverage of care in a region", description = "LOCAL (same prefecture: first 4 digits), "
            + "FILED (a filing covers the region and date), EXEMPT (the province pair needs no filing), NOT_COVERED. "
            + "date defaults to today.")
    @APIResponse(responseCode = "200", description = "The answer, covered or not")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: personId, region or date")
    @APIResponse(responseCode = "404", description = "PERSON_NOT_FOUND")
    @APIResponse(responseCode = "503", description = "ACCOUNT_SERVICE_UNAVAILABLE")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION, Roles.INSURED, Roles.SERVICE})
    public CoverageService.Coverage coverage(@RestQuery String personId, @RestQuery String region, @RestQuery String date) {
        long person = Params.requiredId("personId", personId);
        caller.requireSelf(person, "PERSON_NOT_FOUND", "account-service knows no person " + person + ".");
        if (region == null || !region.matches("^[1-9]\\d{5}$")) {
            throw ProblemException.invalid("region", "must be a 6-digit region code");
        }
        return coverage.coverage(person, region, Params.date("date", date, LocalDate.now(clock)));
    }
}
