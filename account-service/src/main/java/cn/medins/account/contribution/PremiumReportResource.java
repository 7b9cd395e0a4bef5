package cn.medins.account.contribution;

import cn.medins.common.problem.ProblemException;
import cn.medins.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** 居民保费收入: a region's resident premiums of a month, subsidies (资助参保) apart. */
@Path("/reports/premiums")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "persons")
public class PremiumReportResource {

    @Inject
    PremiumReport report;

    @GET
    @RolesAllowed({Roles.AGENCY, Roles.SERVICE})
    @Operation(summary = "A region's resident premiums of a month, subsidies apart (资助参保)", description = "Premiums "
            + "paid in the month (paidOn, China's date) by residents whose enrollment that day was in the region: a "
            + "province XX0000, a city XXXX00 or a district; by subsidy source, with what relatives' accounts paid "
            + "(家庭共济代缴).")
    @APIResponse(responseCode = "200", description = "The month's premiums")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (region, month)")
    public PremiumReport.Totals premiums(@RestQuery String region, @RestQuery String month) {
        if (region == null || !region.matches("[1-9]\\d{5}")) {
            throw ProblemException.invalid("region", "must be a 6-digit region code (province XX0000, city XXXX00)");
        }
        return report.of(region, month(month));
    }

    private static YearMonth month(String text) {
        if (text == null) {
            throw ProblemException.invalid("month", "is required, as YYYY-MM");
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month", "must be YYYY-MM");
        }
    }
}
