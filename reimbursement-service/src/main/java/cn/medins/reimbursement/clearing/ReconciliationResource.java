package cn.medins.reimbursement.clearing;

import cn.medins.common.input.BodyLimit;
import cn.medins.common.money.NonNegativeAmount;
import cn.medins.common.problem.ProblemException;
import cn.medins.common.security.Caller;
import cn.medins.common.security.Roles;
import cn.medins.reimbursement.calculation.MedicalType;
import cn.medins.reimbursement.clearing.ReconciliationService.Detail;
import cn.medins.reimbursement.clearing.ReconciliationService.Difference;
import cn.medins.reimbursement.clearing.ReconciliationService.Totals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** 对账: an institution checks its day against the agency's (NHSA 3201 totals, 3202 details). */
@Path("/reconciliations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "clearing")
public class ReconciliationResource {

    @Inject
    ReconciliationService reconciliation;

    @Inject
    Caller caller;

    /** The institution's figures for one medical type and insurance type of the day. */
    public record TypeTotals(@NotNull MedicalType medicalType, @NotNull @Pattern(regexp = "310|390") String insuranceType,
                             @NotNull @Min(0) @Max(100_000_000) Long count, @NotNull @NonNegativeAmount BigDecimal totalAmount,
                             @NotNull @NonNegativeAmount BigDecimal fundPaidTotal,
                             @NotNull @NonNegativeAmount BigDecimal accountPaid,
                             @NotNull @NonNegativeAmount BigDecimal cashPaid,
                             @NonNegativeAmount BigDecimal assistancePaid) {
    }

    /** 3201: the day's totals, optionally by medical type and insurance type ({@code byType}). */
    public record DayTotals(@NotBlank @Size(max = 32) String institutionCode, @NotNull LocalDate date,
                            @NotNull @Min(0) @Max(100_000_000) Long count,
                            @NotNull @NonNegativeAmount BigDecimal totalAmount,
                            @NotNull @NonNegativeAmount BigDecimal fundPaidTotal,
                            @NotNull @NonNegativeAmount BigDecimal accountPaid,
                            @NotNull @NonNegativeAmount BigDecimal cashPaid,
                            @NonNegativeAmount BigDecimal assistancePaid,
                            @Size(max = 20) List<@Valid @NotNull TypeTotals> byType) {
    }

    public record Result(String institutionCode, LocalDate date, String result, List<Difference> differences) {
    }

    public record DetailLine(@NotNull Long settlementId, @NotNull @NonNegativeAmount BigDecimal totalAmount,
                             @NotNull @NonNegativeAmount BigDecimal fundPaidTotal) {
    }

    /** 3202: the institution's settlements of the day. */
    public record DayDetails(@NotBlank @Size(max = 32) String institutionCode, @NotNull LocalDate date,
                             @NotNull @Size(max = 100_000) List<@Valid @NotNull DetailLine> settlements) {
    }

    @POST
    @Operation(summary = "Reconcile a day's totals (对账, 3201)", description = "The institution's count, total, fund "
            + "paid, account paid (own and family) and cash paid for a day against the agency's: its settlements "
            + "completed that day (the agency's time zone) and still completed, claims excluded. MATCHED, or "
            + "DIFFERENT with each differing figure; with byType, also per medical type and insurance type "
            + "(figures named like \"21/310 fundPaidTotal\"). assistancePaid (医疗救助), when sent, is compared too.")
    @APIResponse(responseCode = "200", description = "MATCHED or DIFFERENT")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: another institution's day")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION})
    public Result totals(@Valid @NotNull DayTotals body) {
        caller.requireInstitution(body.institutionCode());
        Map<String, Totals> agency = reconciliation.agencyTotals(body.institutionCode(), body.date());
        Totals theirs = new Totals(body.count(), body.totalAmount(), body.fundPaidTotal(), body.accountPaid(),
                body.cashPaid(), body.assistancePaid());
        Map<String, Totals> theirsByType = null;
        if (body.byType() != null) {
            theirsByType = new LinkedHashMap<>();
            for (TypeTotals t : body.byType()) {
                theirsByType.put(t.medicalType().code() + "/" + t.insuranceType(), new Totals(t.count(),
                        t.totalAmount(), t.fundPaidTotal(), t.accountPaid(), t.cashPaid(), t.assistancePaid()));
            }
        }
        List<Difference> differences = reconciliation.compare(theirs, theirsByType, agency);
        return new Result(body.institutionCode(), body.date(), differences.isEmpty() ? "MATCHED" : "DIFFERENT",
                differences);
    }

    @POST
    @Path("/details")
    @Operation(summary = "Reconcile a day settlement by settlement (3202)", description = "The institution's list of "
            + "settlement ids and amounts against the agency's for that day: what is missing on either side and "
            + "what differs.")
    @APIResponse(responseCode = "200", description = "missingAtAgency, missingAtInstitution, different")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: another institution's day")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION})
    @BodyLimit(bytes = 16 << 20, holds = "a day of at most 100,000 settlements")
    public ReconciliationService.DetailResult details(@Valid @NotNull DayDetails body) {
        caller.requireInstitution(body.institutionCode());
        return reconciliation.details(body.institutionCode(), body.date(), body.settlements().stream()
                .map(l -> new Detail(l.settlementId(), l.totalAmount(), l.fundPaidTotal())).toList());
    }

    /** The agency's figures of a period, for an institution that reconciles in its own terms (NHSA 3201 by type). */
    public record AgencyTotals(String institutionCode, LocalDate from, LocalDate to,
                               List<ReconciliationService.PeriodTotals> byType) {
    }

    /** A page of the agency's settlements of a period; {@code nextAfterId} null on the last page. */
    public record AgencySettlements(String institutionCode, LocalDate from, LocalDate to,
                                    List<ReconciliationService.PeriodSettlement> settlements, Long nextAfterId) {
    }

    static final int MAX_PERIOD_DAYS = 92;
    static final int MAX_PAGE = 10_000;

    @GET
    @Path("/agency-totals")
    @Operation(summary = "The agency's figures of a period (3201 by type)", description = "The institution's "
            + "settlements completed from one day to another (the agency's days, both included, at most 92) and still "
            + "completed, claims excluded: count, total, fund paid, account paid (own and family), cash paid and "
            + "medical assistance, by medical type, insurance type and insured region (清算经办机构). For an "
            + "institution, or a gateway for it, that compares in its own terms; POST /reconciliations compares a day.")
    @APIResponse(responseCode = "200", description = "The figures by type")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (institutionCode, from, to)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: another institution's figures")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION})
    public AgencyTotals agencyTotals(@RestQuery String institutionCode, @RestQuery String from, @RestQuery String to) {
        LocalDate[] period = period(institutionCode, from, to);
        return new AgencyTotals(institutionCode, period[0], period[1],
                reconciliation.periodTotals(institutionCode, period[0], period[1]));
    }

    @GET
    @Path("/agency-settlements")
    @Operation(summary = "The agency's settlements of a period (3202 by settlement)", description = "The same "
            + "settlements as agency-totals, one by one in id order, at most limit (default and most 10,000) after "
            + "afterId; nextAfterId asks for the next page.")
    @APIResponse(responseCode = "200", description = "A page of settlements")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (institutionCode, from, to, afterId, limit)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: another institution's settlements")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION})
    public AgencySettlements agencySettlements(@RestQuery String institutionCode, @RestQuery String from,
                                               @RestQuery String to, @RestQuery String afterId,
                                               @RestQuery String limit) {
        LocalDate[] period = period(institutionCode, from, to);
        long after = number("afterId", afterId, 0, Long.MAX_VALUE, 0);
        int size = (int) number("limit", limit, 1, MAX_PAGE, MAX_PAGE);
        List<ReconciliationService.PeriodSettlement> page = reconciliation.periodSettlements(institutionCode,
                period[0], period[1], after, size);
        Long next = page.size() < size ? null : page.get(page.size() - 1).settlementId();
        return new AgencySettlements(institutionCode, period[0], period[1], page, next);
    }

    private LocalDate[] period(String institutionCode, String from, String to) {
        if (institutionCode == null || institutionCode.isBlank() || institutionCode.length() > 32) {
            throw ProblemException.invalid("institutionCode", "is required (at most 32 characters)");
        }
        caller.requireInstitution(institutionCode);
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start) || end.isAfter(start.plusDays(MAX_PERIOD_DAYS - 1))) {
            throw ProblemException.invalid("to", "must be from " + start + " to " + MAX_PERIOD_DAYS + " days after it");
        }
        return new LocalDate[] {start, end};
    }

    private static LocalDate date(String field, String value) {
        try {
            if (value == null) {
                throw ProblemException.invalid(field, "is required (YYYY-MM-DD)");
            }
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date YYYY-MM-DD");
        }
    }

    private static long number(String field, String value, long min, long max, long absent) {
        if (value == null) {
            return absent;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.invalid(field, "must be a whole number from " + min + " to " + max);
    }
}
