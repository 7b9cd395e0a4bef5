package cn.medins.reimbursement.clearing;

import cn.medins.common.money.Money;
import cn.medins.common.problem.ProblemException;
import cn.medins.common.security.Roles;
import cn.medins.reimbursement.client.AccountGateway;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** Fund reports and remote-care clearing, for the agency. */
@Path("/")
@Tag(name = "clearing")
public class FundReportResource {

    static final String CSV = "text/csv";

    @Inject
    FundReportService reports;

    /**
     * {@code premiums}: the month's resident premiums, subsidies (资助参保) apart, from account-service;
     * null, with {@code premiumsNote} saying why, when it cannot answer (only in the JSON report).
     */
    public record FundReport(String region, String month, List<FundReportService.Row> rows,
                             FundReportService.Row total, AccountGateway.Premiums premiums, String premiumsNote) {
    }

    public record RemoteClearing(String month, List<FundReportService.RemotePair> items) {
    }

    @GET
    @Path("/reports/fund")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Fund report (基金报表)", description = "The month's completed settlements of persons insured "
            + "in region (a province XX0000, a city XXXX00 or a district): counts and amounts by fund (pool, "
            + "catastrophic, accounts, cash, and medical assistance apart), medical type and insurance type, and the total; "
            + "and the month's resident premiums with subsidies (资助参保) apart, from account-service. Accept: text/csv "
            + "gives the settlements as CSV.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (region, month)")
    @RolesAllowed(Roles.AGENCY)
    public FundReport fund(@RestQuery String region, @RestQuery String month) {
        FundReport settlements = report(region, month);
        var premiums = reports.premiums(region, YearMonth.parse(settlements.month()));
        return new FundReport(settlements.region(), settlements.month(), settlements.rows(), settlements.total(),
                premiums.orElse(null), premiums.isPresent() ? null : "account-service could not report the premiums now;"
                + " ask again");
    }

    @GET
    @Path("/reports/fund")
    @Produces(CSV)
    @RolesAllowed(Roles.AGENCY)
    public String fundCsv(@RestQuery String region, @RestQuery String month) {
        FundReport r = report(region, month);
        StringBuilder csv = new StringBuilder("region,month,medicalType,insuranceType,count,totalAmount,poolFundPaid,"
                + "catastrophicPaid,accountPaid,cashPaid,assistancePaid\r\n");
        for (FundReportService.Row row : r.rows()) {
            csv.append(line(r, row.medicalType(), row.insuranceType(), row));
        }
        csv.append(line(r, "ALL", "ALL", r.total()));
        return csv.toString();
    }

    private static String line(FundReport r, String medicalType, String insuranceType, FundReportService.Row row) {
        return String.join(",", r.region(), r.month(), medicalType, insuranceType, String.valueOf(row.count()),
                row.totalAmount().toPlainString(), row.poolFundPaid().toPlainString(),
                row.catastrophicPaid().toPlainString(), row.accountPaid().toPlainString(),
                row.cashPaid().toPlainString(), row.assistancePaid().toPlainString()) + "\r\n";
    }

    private FundReport report(String region, String month) {
        if (region == null || !region.matches("\\d{6}")) {
            throw ProblemException.invalid("region", "must be a 6-digit region code (province XX0000, city XXXX00)");
        }
        YearMonth m = ClearingResource.requiredMonth(month);
        List<FundReportService.Row> rows = reports.fund(region, m);
        BigDecimal zero = Money.ZERO;
        FundReportService.Row total = new FundReportService.Row("ALL", "ALL",
                rows.stream().mapToLong(FundReportService.Row::count).sum(),
                rows.stream().map(FundReportService.Row::totalAmount).reduce(zero, BigDecimal::add),
                rows.stream().map(FundReportService.Row::poolFundPaid).reduce(zero, BigDecimal::add),
                rows.stream().map(FundReportService.Row::catastrophicPaid).reduce(zero, BigDecimal::add),
                rows.stream().map(FundReportService.Row::accountPaid).reduce(zero, BigDecimal::add),
                rows.stream().map(FundReportService.Row::cashPaid).reduce(zero, BigDecimal::add),
                rows.stream().map(FundReportService.Row::assistancePaid).reduce(zero, BigDecimal::add));
        return new FundReport(region, m.toString(), rows, total, null, null);
    }

    @GET
    @Path("/remote-clearings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remote-care clearing (异地就医清算)", description = "For the month's completed settlements "
            + "of persons insured in another province, settled directly (filed or exempt): per pair (insured "
            + "province -> destination province), what the insured region's fund owes the destination's.")
    @APIResponse(responseCode = "200", description = "The pairs")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (month)")
    @RolesAllowed(Roles.AGENCY)
    public RemoteClearing remote(@RestQuery String month) {
        YearMonth m = ClearingResource.requiredMonth(month);
        return new RemoteClearing(m.toString(), reports.remote(m));
    }
}
