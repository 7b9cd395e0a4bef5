package cn.medins.reimbursement.clearing;

import cn.medins.common.money.NonNegativeAmount;
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
    public ReconciliationService.DetailResult details(@Valid @NotNull DayDetails body) {
        caller.requireInstitution(body.institutionCode());
        return reconciliation.details(body.institutionCode(), body.date(), body.settlements().stream()
                .map(l -> new Detail(l.settlementId(), l.totalAmount(), l.fundPaidTotal())).toList());
    }
}
