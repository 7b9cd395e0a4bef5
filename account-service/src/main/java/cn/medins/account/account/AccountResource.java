package cn.medins.account.account;

import cn.medins.common.idempotency.IdempotentRequests;
import cn.medins.common.paging.Cursor;
import cn.medins.common.paging.Page;
import cn.medins.common.problem.ProblemException;
import cn.medins.common.security.Caller;
import cn.medins.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Personal accounts (个人账户): balance, ledger, payments, refunds, family mutual aid, closure. */
@Path("/accounts/{personId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
@APIResponse(responseCode = "400", description = "VALIDATION_FAILED, MALFORMED_JSON, IDEMPOTENCY_KEY_REQUIRED")
@APIResponse(responseCode = "404", description = "PERSON_NOT_FOUND; NO_PERSONAL_ACCOUNT: residents (390) have none")
public class AccountResource {

    @Inject
    AccountService accounts;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    private void self(long personId) {
        caller.requireSelf(personId, "PERSON_NOT_FOUND", "No insured person with id " + personId + ".");
    }

    @GET
    @Operation(summary = "The balance and status of a personal account")
    @APIResponse(responseCode = "200", description = "The account")
    @RolesAllowed({Roles.AGENCY, Roles.INSURED, Roles.SERVICE})
    public AccountResponses.Account account(@RestPath long personId) {
        self(personId);
        return AccountResponses.Account.of(accounts.account(personId));
    }

    @GET
    @Path("/entries")
    @Operation(summary = "The ledger, newest first", description = "amount is signed (credits positive, debits "
            + "negative): the entries always sum to the balance.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @RolesAllowed({Roles.AGENCY, Roles.INSURED})
    public Page<AccountResponses.Entry> entries(@RestPath long personId, @RestQuery String limit,
                                                @RestQuery String cursor) {
        self(personId);
        int size = Cursor.limit(limit);
        return Page.of(accounts.entries(personId, Cursor.decode(cursor), size), size, e -> e.id,
                AccountResponses.Entry::of);
    }

    @POST
    @Path("/payments")
    @Operation(summary = "Pay from the account", description = "For the holder, or a bound family member "
            + "(beneficiaryPersonId). Without allowPartial a payment above the balance is refused; with it the "
            + "account pays what it has and shortfall is the cash part. A resident premium (RESIDENT_PREMIUM) "
            + "names the bound relative and premiumYear, is paid in full, and records the relative's premium for "
            + "that year (家庭共济代缴); its refund removes it. Requires an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Paid", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountResponses.Payment.class)))
    @APIResponse(responseCode = "409", description = "DUPLICATE_REFERENCE, DUPLICATE_CONTRIBUTION (the relative's "
            + "premium for that year is recorded: nothing debited), IDEMPOTENCY_KEY_IN_FLIGHT")
    @APIResponse(responseCode = "422", description = "INSUFFICIENT_BALANCE, NOT_A_BOUND_FAMILY_MEMBER, NOT_A_RESIDENT, "
            + "NOT_ENROLLED, ACCOUNT_FROZEN, ACCOUNT_CLOSED, IDEMPOTENCY_KEY_REUSED")
    @RolesAllowed({Roles.AGENCY, Roles.SERVICE})
    public Response pay(@RestPath long personId, @Valid @NotNull AccountRequests.Payment body) {
        try {
            return idempotency.required(body, () -> {
                var paid = accounts.pay(personId, body.amount(), body.purpose(), body.beneficiaryPersonId(),
                        body.reference(), body.allowPartial(), body.premiumYear());
                return IdempotentRequests.created("/accounts/" + personId + "/payments/" + paid.payment().id,
                        AccountResponses.Payment.of(paid));
            });
        } catch (PersistenceException e) {
            throw accounts.paymentFailure(e, personId, body.reference());
        }
    }

    @GET
    @Path("/payments")
    @Operation(summary = "Payments, newest first, or the one made for a reference (reconciliation)")
    @APIResponse(responseCode = "200", description = "A page of payments (at most one with ?reference=)")
    @RolesAllowed({Roles.AGENCY, Roles.INSURED, Roles.SERVICE})
    public Page<AccountResponses.Payment> payments(@RestPath long personId,
                                                   @RestQuery @Size(min = 1, max = 128) String reference,
                                                   @RestQuery String limit, @RestQuery String cursor) {
        self(personId);
        int size = Cursor.limit(limit);
        return Page.of(accounts.payments(personId, reference, Cursor.decode(cursor), size), size, p -> p.id,
                p -> AccountResponses.Payment.of(p, null));
    }

    @GET
    @Path("/payments/{paymentId}")
    @Operation(summary = "One payment")
    @APIResponse(responseCode = "200", description = "The payment")
    @APIResponse(responseCode = "404", description = "PAYMENT_NOT_FOUND, PERSON_NOT_FOUND")
    @RolesAllowed({Roles.AGENCY, Roles.INSURED, Roles.SERVICE})
    public AccountResponses.Payment payment(@RestPath long personId, @RestPath long paymentId) {
        self(personId);
        return AccountResponses.Payment.of(accounts.payment(personId, paymentId), null);
    }

    @POST
    @Path("/payments/{paymentId}/refund")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Refund a payment in full, once", description = "Requires an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Refunded", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountResponses.Refund.class)))
    @APIResponse(responseCode = "404", description = "PAYMENT_NOT_FOUND, PERSON_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ALREADY_REFUNDED, IDEMPOTENCY_KEY_IN_FLIGHT")
    @APIResponse(responseCode = "422", description = "ACCOUNT_CLOSED, IDEMPOTENCY_KEY_REUSED")
    @RolesAllowed({Roles.AGENCY, Roles.SERVICE})
    public Response refund(@RestPath long personId, @RestPath long paymentId) {
        return idempotency.required(List.of(personId, paymentId), () -> {
            var refunded = accounts.refund(personId, paymentId);
            return IdempotentRequests.created("/accounts/" + personId + "/payments/" + paymentId,
                    AccountResponses.Refund.of(refunded));
        });
    }

    @POST
    @Path("/family-members")
    @Operation(summary = "Bind a close relative for family mutual aid (家庭共济)")
    @APIResponse(responseCode = "201", description = "Bound", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountResponses.FamilyMember.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (memberIdNumber and memberName required; "
            + "memberPersonId is for agency staff only)")
    @APIResponse(responseCode = "404", description = "PERSON_NOT_FOUND: no insured person has that ID number and name "
            + "(the same answer whichever of the two does not match)")
    @APIResponse(responseCode = "409", description = "ALREADY_BOUND")
    @APIResponse(responseCode = "422", description = "SELF_BINDING, ACCOUNT_CLOSED")
    @RolesAllowed({Roles.AGENCY, Roles.INSURED})
    public Response bind(@RestPath long personId, @Valid @NotNull AccountRequests.FamilyMember body) {
        self(personId);
        return idempotency.optional(body, () -> {
            var binding = accounts.bind(personId, member(body), body.relation());
            return IdempotentRequests.created("/accounts/" + personId + "/family-members/" + binding.memberPersonId,
                    AccountResponses.FamilyMember.of(binding));
        });
    }

    /**
     * Who is to be bound: by ID number and name (anyone), or by person id (agency staff only), so
     * that an insured person cannot probe which person ids exist.
     */
    private long member(AccountRequests.FamilyMember body) {
        if (body.memberPersonId() != null) {
            if (!caller.is(Roles.AGENCY)) {
                throw ProblemException.invalid("memberPersonId", "only agency staff name a member by id; name them "
                        + "by memberIdNumber and memberName");
            }
            return body.memberPersonId();
        }
        if (body.memberIdNumber() == null || body.memberIdNumber().isBlank()) {
            throw ProblemException.invalid("memberIdNumber", "is required (with memberName)");
        }
        if (body.memberName() == null || body.memberName().isBlank()) {
            throw ProblemException.invalid("memberName", "is required (with memberIdNumber)");
        }
        return accounts.memberNamed(body.memberIdNumber().strip(), body.memberName().strip());
    }

    @GET
    @Path("/family-members")
    @Operation(summary = "The relatives bound to this account")
    @APIResponse(responseCode = "200", description = "The bound relatives")
    @RolesAllowed({Roles.AGENCY, Roles.INSURED})
    public Page<AccountResponses.FamilyMember> members(@RestPath long personId) {
        self(personId);
        return new Page<>(accounts.members(personId).stream().map(AccountResponses.FamilyMember::of).toList(), null);
    }

    @DELETE
    @Path("/family-members/{memberPersonId}")
    @Operation(summary = "Unbind a relative")
    @APIResponse(responseCode = "204", description = "Unbound")
    @APIResponse(responseCode = "404", description = "NOT_BOUND, PERSON_NOT_FOUND")
    @RolesAllowed({Roles.AGENCY, Roles.INSURED})
    public void unbind(@RestPath long personId, @RestPath long memberPersonId) {
        self(personId);
        accounts.unbind(personId, memberPersonId);
    }

    @PUT
    @Path("/status")
    @Operation(summary = "Freeze or unfreeze the account (agency)", description = "A FROZEN account still "
            + "receives credits but pays nothing out.")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "422", description = "ACCOUNT_CLOSED")
    @RolesAllowed(Roles.AGENCY)
    public AccountResponses.Account status(@RestPath long personId, @Valid @NotNull AccountRequests.Status body) {
        return AccountResponses.Account.of(accounts.setStatus(personId, body.status()));
    }

    @POST
    @Path("/closure")
    @Operation(summary = "Close the account and pay the balance out",
            description = "Only for DEATH (to the heirs), EMIGRATION or FOREIGNER_DEPARTURE before retirement; any "
                    + "other reason is a cash withdrawal, which is not allowed (不可提现). Requires an Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "Closed; paidOut went to the payee", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AccountResponses.Closure.class)))
    @APIResponse(responseCode = "409", description = "ACCOUNT_CLOSED: already closed; IDEMPOTENCY_KEY_IN_FLIGHT")
    @APIResponse(responseCode = "422", description = "CASH_WITHDRAWAL_NOT_ALLOWED, IDEMPOTENCY_KEY_REUSED")
    @RolesAllowed(Roles.AGENCY)
    public Response close(@RestPath long personId, @Valid @NotNull AccountRequests.Closure body) {
        return idempotency.required(body, () ->
                Response.ok(AccountResponses.Closure.of(accounts.close(personId, body.reason(), body.payee()))).build());
    }
}
