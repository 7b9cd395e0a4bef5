package cn.medins.account.interest;

import cn.medins.common.idempotency.IdempotentRequests;
import cn.medins.common.money.NonNegativeAmount;
import cn.medins.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** 计息: the agency's rates and the yearly posting of interest on personal accounts. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class InterestResource {

    private static final String REGION = "^[1-9]\\d{5}$";
    private static final String REGION_MESSAGE = "must be a 6-digit region code, e.g. 150400";

    @Inject
    InterestService interest;

    @Inject
    IdempotentRequests idempotency;

    /** A yearly rate: 0 to 0.1, up to 6 decimals. */
    public record RateBody(@NotNull @DecimalMin("0") @DecimalMax("0.1") @Digits(integer = 1, fraction = 6)
                           BigDecimal annualRate) {
    }

    public record RateView(String insuredRegion, int year, BigDecimal annualRate, Instant updatedAt) {
        static RateView of(InterestRate r) {
            return new RateView(r.key.insuredRegion(), r.key.year(), r.annualRate, r.updatedAt);
        }
    }

    /** The year to post, for one region or (absent) every region with a rate. */
    public record PostingBody(@NotNull @Min(2000) @Max(2100) Integer year,
                              @Pattern(regexp = REGION, message = REGION_MESSAGE) String insuredRegion) {
    }

    public record PostingView(int year, String insuredRegion, int accounts, @NonNegativeAmount BigDecimal totalInterest) {
        static PostingView of(InterestService.Posted p) {
            return new PostingView(p.year(), p.insuredRegion(), p.accounts(), p.totalInterest());
        }
    }

    @PUT
    @Path("/interest-rates/{insuredRegion}/{year}")
    @Operation(summary = "Set a region's yearly interest rate on personal accounts (计息利率)")
    @APIResponse(responseCode = "200", description = "The rate")
    @RolesAllowed(Roles.AGENCY)
    public RateView putRate(@RestPath @Pattern(regexp = REGION, message = REGION_MESSAGE) String insuredRegion,
                            @RestPath @Min(2000) @Max(2100) int year, @Valid @NotNull RateBody body) {
        return RateView.of(interest.putRate(insuredRegion, year, body.annualRate()));
    }

    @GET
    @Path("/interest-rates/{insuredRegion}/{year}")
    @Operation(summary = "A region's yearly interest rate")
    @APIResponse(responseCode = "200", description = "The rate")
    @APIResponse(responseCode = "404", description = "INTEREST_RATE_NOT_FOUND")
    @RolesAllowed({Roles.AGENCY, Roles.SERVICE})
    public RateView rate(@RestPath @Pattern(regexp = REGION, message = REGION_MESSAGE) String insuredRegion,
                         @RestPath @Min(2000) @Max(2100) int year) {
        return RateView.of(interest.rate(insuredRegion, year));
    }

    @POST
    @Path("/interest-postings")
    @Operation(summary = "Post a year's interest (计息)", description = "To every open account (frozen ones too) of the "
            + "region, or of every region with a rate for the year: (the sum of the year's end-of-day balances) x "
            + "annualRate / 360, HALF_UP to the cent, as one INTEREST entry. An account already posted for the year is "
            + "skipped, so posting again adds nothing and finishes a posting that stopped. Requires an Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "What was posted", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PostingView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, IDEMPOTENCY_KEY_REQUIRED")
    @APIResponse(responseCode = "409", description = "IDEMPOTENCY_KEY_IN_FLIGHT")
    @APIResponse(responseCode = "422", description = "YEAR_NOT_OVER, IDEMPOTENCY_KEY_REUSED")
    @RolesAllowed(Roles.AGENCY)
    public Response post(@Valid @NotNull PostingBody body) {
        return idempotency.required(body, () -> Response.ok(PostingView.of(interest.post(body.year(),
                body.insuredRegion()))).build());
    }
}
