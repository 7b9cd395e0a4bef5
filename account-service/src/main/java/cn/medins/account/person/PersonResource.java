package cn.medins.account.person;

import cn.medins.account.assistance.AssistanceService;
import cn.medins.account.contribution.ContributionService;
import cn.medins.account.enrollment.Enrollment;
import cn.medins.account.enrollment.Person;
import cn.medins.common.idempotency.IdempotentRequests;
import cn.medins.common.problem.Params;
import cn.medins.common.problem.ProblemException;
import cn.medins.common.security.Caller;
import cn.medins.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Insured persons (参保人): enrollment, eligibility, contributions, transfers. */
@Path("/persons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "persons")
@APIResponse(responseCode = "400", description = "VALIDATION_FAILED, MALFORMED_JSON: a field is missing or wrong; "
        + "the problem names it")
public class PersonResource {

    @Inject
    Clock clock;

    @Inject
    PersonService persons;

    @Inject
    ContributionService contributions;

    @Inject
    AssistanceService assistance;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.AGENCY)
    @Operation(summary = "Enroll a person (参保)", description = "Validates the resident ID number (GB 11643) and "
            + "refuses a second active enrollment (重复参保). Employees (310) get a personal account. "
            + "Honours an optional Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Enrolled", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PersonResponses.Person.class)))
    @APIResponse(responseCode = "409", description = "DUPLICATE_ENROLLMENT: the ID number is actively enrolled; "
            + "IDEMPOTENCY_KEY_IN_FLIGHT")
    @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
    public Response enroll(@Valid @NotNull PersonRequests.Enrollment body) {
        return idempotency.optional(body, () -> {
            var view = persons.enroll(body.idNumber(), body.name().strip(), body.insuranceType(), body.personType(),
                    body.insuredRegion(), body.enrolledOn() == null ? LocalDate.now(clock) : body.enrolledOn());
            return IdempotentRequests.created("/persons/" + view.person().id, PersonResponses.Person.of(view, true));
        });
    }

    @GET
    @Path("/{personId}")
    @Operation(summary = "A person, with the ID number masked")
    @APIResponse(responseCode = "200", description = "The person")
    @APIResponse(responseCode = "404", description = "PERSON_NOT_FOUND")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION, Roles.INSURED, Roles.SERVICE})
    public PersonResponses.Person person(@RestPath long personId) {
        caller.requireSelf(personId, "PERSON_NOT_FOUND", "No insured person with id " + personId + ".");
        return PersonResponses.Person.of(persons.get(personId), caller.is(Roles.AGENCY));
    }

    @GET
    @Operation(summary = "Look a person up by resident ID number")
    @APIResponse(responseCode = "200", description = "The person")
    @APIResponse(responseCode = "404", description = "PERSON_NOT_FOUND")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION, Roles.SERVICE})
    public PersonResponses.Person byIdNumber(@RestQuery @NotNull String idNumber) {
        return PersonResponses.Person.of(persons.byIdNumber(idNumber), caller.is(Roles.AGENCY));
    }

    @GET
    @Path("/{personId}/eligibility")
    @Operation(summary = "May the pooled fund pay for this person on a date?",
            description = "Answers from the enrollment, contributions, arrears and waiting periods; date defaults "
                    + "to today. reason is a stable code, detail explains it; assistanceCategories are the medical-assistance "
                    + "identities (医疗救助) valid on the date.")
    @APIResponse(responseCode = "200", description = "The answer, eligible or not")
    @APIResponse(responseCode = "404", description = "PERSON_NOT_FOUND")
    @RolesAllowed({Roles.AGENCY, Roles.INSTITUTION, Roles.INSURED, Roles.SERVICE})
    public PersonResponses.Eligibility eligibility(@RestPath long personId,
                                                   @Parameter(description = "YYYY-MM-DD, default today") @RestQuery String date) {
        caller.requireSelf(personId, "PERSON_NOT_FOUND", "No insured person with id " + personId + ".");
        LocalDate on = Params.date("date", date, LocalDate.now(clock));
        return PersonResponses.Eligibility.of(persons.eligibility(personId, on), assistance.categoriesOn(personId, on));
    }

    @POST
    @Path("/{personId}/contributions")
    @Operation(summary = "Record a contribution (缴费)", description = "Employee (310): {period, individualAmount, "
            + "employerAmount}: the individual share goes entirely to the personal account, plus the configured "
            + "share of the employer's. Resident (390): {year, amount}, with subsidyAmount and subsidySource for the "
            + "part a subsidy paid (资助参保). Requires an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PersonResponses.ContributionReceipt.class)))
    @APIResponse(responseCode = "404", description = "PERSON_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "DUPLICATE_CONTRIBUTION: that month / year is paid; "
            + "IDEMPOTENCY_KEY_IN_FLIGHT")
    @APIResponse(responseCode = "422", description = "NOT_ENROLLED, RETIRED_NO_CONTRIBUTION, ACCOUNT_CLOSED, "
            + "IDEMPOTENCY_KEY_REUSED")
    @RolesAllowed(Roles.AGENCY)
    public Response contribute(@RestPath long personId, @Valid @NotNull PersonRequests.Contribution body) {
        return record(personId, body);
    }

    @GET
    @Path("/{personId}/contributions")
    @Operation(summary = "A person's contributions (缴费记录)", description = "Months and yearly premiums in "
            + "order, of one year when year is given; paidBy FAMILY_ACCOUNT with payerPersonId for a premium a "
            + "relative's personal account paid (家庭共济代缴).")
    @APIResponse(responseCode = "200", description = "The contributions")
    @APIResponse(responseCode = "404", description = "PERSON_NOT_FOUND")
    @RolesAllowed({Roles.AGENCY, Roles.INSURED})
    public PersonResponses.Contributions contributions(@RestPath long personId,
                                                      @RestQuery @Pattern(regexp = "^(20\\d{2}|2100)$",
                                                              message = "must be a year from 2000 to 2100") String year) {
        caller.requireSelf(personId, "PERSON_NOT_FOUND", "No insured person with id " + personId + ".");
        return new PersonResponses.Contributions(contributions.history(personId,
                        year == null ? null : Integer.valueOf(year)).stream()
                .map(PersonResponses.ContributionLine::of).toList());
    }

    private Response record(long personId, PersonRequests.Contribution body) {
        return idempotency.required(body, () -> {
            boolean resident = body.year() != null || body.amount() != null;
            if (resident) {
                require("year", body.year(), "resident");
                require("amount", body.amount(), "resident");
                var c = contributions.resident(personId, body.year(), body.amount(), body.paidOn(),
                        body.subsidyAmount(), body.subsidySource());
                return IdempotentRequests.created("/persons/" + personId + "/contributions/" + c.id,
                        PersonResponses.ContributionReceipt.of(c, null));
            }
            if (body.subsidyAmount() != null || body.subsidySource() != null) {
                throw ProblemException.invalid(body.subsidyAmount() != null ? "subsidyAmount" : "subsidySource",
                        "a subsidy (资助参保) is part of a resident's (390) yearly premium");
            }
            require("period", body.period(), "employee");
            require("individualAmount", body.individualAmount(), "employee");
            require("employerAmount", body.employerAmount(), "employee");
            var credited = contributions.employee(personId, body.period(), body.individualAmount(),
                    body.employerAmount(), body.paidOn());
            return IdempotentRequests.created("/persons/" + personId + "/contributions/" + credited.contribution().id,
                    PersonResponses.ContributionReceipt.of(credited.contribution(), credited.balanceAfter()));
        });
    }

    @POST
    @Path("/{personId}/transfers")
    @Operation(summary = "Transfer the enrollment to another region (转移接续)",
            description = "Ends the current enrollment, starts one in toRegion, and moves the personal account's "
                    + "balance (TRANSFER_OUT and TRANSFER_IN entries). Requires an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Transferred", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PersonResponses.Transfer.class)))
    @APIResponse(responseCode = "404", description = "PERSON_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "IDEMPOTENCY_KEY_IN_FLIGHT")
    @APIResponse(responseCode = "422", description = "NOT_ENROLLED, SAME_REGION, ACCOUNT_FROZEN, ACCOUNT_CLOSED, "
            + "IDEMPOTENCY_KEY_REUSED")
    @RolesAllowed(Roles.AGENCY)
    public Response transfer(@RestPath long personId, @Valid @NotNull PersonRequests.Transfer body) {
        return idempotency.required(body, () -> {
            var transfer = persons.transfer(personId, body.toRegion(), body.effectiveOn());
            return IdempotentRequests.created("/persons/" + personId + "/transfers/" + transfer.id, PersonResponses.Transfer.of(transfer));
        });
    }

    @POST
    @Path("/{personId}/retirement")
    @Operation(summary = "Retire an employee (在职转退休)", description = "From effectiveOn the person is RETIRED: "
            + "eligibility for later dates says retired (retiree ratios), the monthly retiree allocation credits the "
            + "account from effectiveOn's month, and contributions are refused for that month and later (earlier "
            + "months may still be paid). Requires an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Retired", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PersonResponses.Retirement.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED (effectiveOn before the enrollment, or a "
            + "month already contributed), IDEMPOTENCY_KEY_REQUIRED")
    @APIResponse(responseCode = "404", description = "PERSON_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "IDEMPOTENCY_KEY_IN_FLIGHT")
    @APIResponse(responseCode = "422", description = "NOT_AN_ACTIVE_EMPLOYEE (a resident, already retired, or not "
            + "enrolled), IDEMPOTENCY_KEY_REUSED")
    @RolesAllowed(Roles.AGENCY)
    public Response retire(@RestPath long personId, @Valid @NotNull PersonRequests.Retirement body) {
        return idempotency.required(java.util.List.of(personId, body), () -> IdempotentRequests.created("/persons/" + personId,
                PersonResponses.Retirement.of(persons.retire(personId, body.effectiveOn()))));
    }

    private static void require(String field, Object value, String kind) {
        if (value == null) {
            throw ProblemException.invalid(field, "is required for a" + ("employee".equals(kind) ? "n " : " ")
                    + kind + " contribution");
        }
    }
}
