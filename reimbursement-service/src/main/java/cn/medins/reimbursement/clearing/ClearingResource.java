package cn.medins.reimbursement.clearing;

import cn.medins.common.idempotency.IdempotentRequests;
import cn.medins.common.problem.ProblemException;
import cn.medins.common.security.Caller;
import cn.medins.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** 月度清算: the agency closes a month; the institution confirms its statement; the agency pays it. */
@Path("/clearings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "clearing")
public class ClearingResource {

    @Inject
    ClearingService clearings;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    /** Close {@code month} for one institution, or for every institution with something to clear. */
    public record Close(@NotNull YearMonth month, @Size(max = 32) String institutionCode) {
    }

    public record Payment(@NotBlank @Size(max = 64) @Pattern(regexp = "[\\x21-\\x7E]+") String paymentReference) {
    }

    public record Statement(long statementId, String institutionCode, String month, ClearingStatement.Status status,
                            int settlementCount, BigDecimal poolFundAmount, BigDecimal catastrophicAmount,
                            int adjustmentCount, BigDecimal adjustmentAmount, BigDecimal totalAmount, int claimCount,
                            BigDecimal claimAmount, BigDecimal assistanceAmount, BigDecimal claimAssistanceAmount,
                            String paymentReference, Instant createdAt, Instant confirmedAt,
                            Instant paidAt, List<ClearingService.Line> lines) {

        static Statement of(ClearingService.Cleared c) {
            ClearingStatement s = c.statement();
            return new Statement(s.id, s.institutionCode, s.month, s.status, s.settlementCount, s.poolFundAmount,
                    s.catastrophicAmount, s.adjustmentCount, s.adjustmentAmount, s.totalAmount, s.claimCount,
                    s.claimAmount, s.assistanceAmount, s.claimAssistanceAmount, s.paymentReference, s.createdAt, s.confirmedAt, s.paidAt, c.lines());
        }
    }

    public record Statements(List<Statement> items) {

        static Statements of(List<ClearingService.Cleared> cleared) {
            return new Statements(cleared.stream().map(Statement::of).toList());
        }
    }

    @POST
    @Operation(summary = "Close a month (月度清算)", description = "Builds a DRAFT statement per institution from its "
            + "settlements completed in the month and not yet cleared (pool fund and catastrophic apart, by medical "
            + "type and insurance type), with negative adjustments for cleared settlements cancelled since, and claims "
            + "listed apart. Without institutionCode, every institution with something to clear. Set-based: a few "
            + "statements per institution whatever the number of settlements. Honours an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The statements made", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Statements.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "409", description = "MONTH_ALREADY_CLEARED")
    @APIResponse(responseCode = "422", description = "MONTH_NOT_OVER, UNKNOWN_INSTITUTION")
    @RolesAllowed(Roles.AGENCY)
    public Response close(@Valid @NotNull Close body) {
        return idempotency.optional(body, () -> Response.status(201)
                .entity(Statements.of(clearings.close(body.month(), body.institutionCode()))).build());
    }

    @GET
    @Operation(summary = "Clearing statements", description = "An institution sees only its own.")
    @APIResponse(responseCode = "200", description = "The statements, by month and institution")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (month is YYYY-MM)")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION})
    public Statements statements(@RestQuery String month, @RestQuery String institutionCode) {
        YearMonth m = month == null ? null : parseMonth(month);
        String code = caller.isInstitutionOnly() ? caller.institutionCode() : institutionCode;
        return Statements.of(clearings.list(m, code));
    }

    @GET
    @Path("/{statementId}")
    @Operation(summary = "A clearing statement")
    @APIResponse(responseCode = "200", description = "The statement with its lines")
    @APIResponse(responseCode = "404", description = "STATEMENT_NOT_FOUND")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION})
    public Statement statement(@RestPath long statementId) {
        readable(statementId);
        return Statement.of(clearings.get(statementId));
    }

    @POST
    @Path("/{statementId}/confirmation")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "The institution confirms its statement", description = "DRAFT -> CONFIRMED; a confirmed "
            + "month cannot change (later cancellations are adjustments of a later statement). Honours an "
            + "Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "CONFIRMED", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Statement.class)))
    @APIResponse(responseCode = "404", description = "STATEMENT_NOT_FOUND (also another institution's)")
    @APIResponse(responseCode = "409", description = "STATEMENT_NOT_DRAFT")
    @RolesAllowed(Roles.INSTITUTION)
    public Response confirm(@RestPath long statementId) {
        readable(statementId);
        return idempotency.optional(List.of("confirm", statementId), () ->
                Response.ok(Statement.of(clearings.confirm(statementId))).build());
    }

    @POST
    @Path("/{statementId}/payment")
    @Operation(summary = "The agency pays a confirmed statement", description = "CONFIRMED -> PAID with the "
            + "payment's reference. Honours an Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "PAID", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Statement.class)))
    @APIResponse(responseCode = "404", description = "STATEMENT_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "STATEMENT_NOT_CONFIRMED")
    @RolesAllowed(Roles.AGENCY)
    public Response pay(@RestPath long statementId, @Valid @NotNull Payment body) {
        return idempotency.optional(List.of("pay", statementId, body.paymentReference()), () ->
                Response.ok(Statement.of(clearings.pay(statementId, body.paymentReference()))).build());
    }

    /** Another institution's statement does not exist for an institution caller. */
    private void readable(long statementId) {
        ClearingStatement s = clearings.find(statementId);
        if (caller.isInstitutionOnly() && !caller.actsFor(s.institutionCode)) {
            throw ClearingService.notFound(statementId);
        }
    }

    static YearMonth requiredMonth(String month) {
        if (month == null) {
            throw ProblemException.invalid("month", "is required (YYYY-MM)");
        }
        return parseMonth(month);
    }

    static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid("month", "must be a month YYYY-MM");
        }
    }
}
