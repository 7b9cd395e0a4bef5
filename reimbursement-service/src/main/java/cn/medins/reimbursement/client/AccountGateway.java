package cn.medins.reimbursement.client;

import cn.medins.common.downstream.DownstreamCall;
import cn.medins.common.downstream.DownstreamUnavailableException;
import cn.medins.common.problem.ProblemException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * What reimbursement-service needs of account-service, as answers rather than HTTP: eligibility,
 * balances, payments and refunds. A call without an answer throws
 * {@link DownstreamUnavailableException}; a refusal is returned as {@link Refused}.
 */
@ApplicationScoped
public class AccountGateway {

    static final String SERVICE = "account-service";
    /** The circuit breaker of eligibility reads, by name (operations and tests read its state). */
    public static final String ELIGIBILITY_BREAKER = "account-eligibility";

    @Inject
    @RestClient
    AccountClient client;

    /** account-service's eligibility answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Eligibility(long personId, boolean eligible, String reason, String detail, InsuranceType insuranceType,
                              String personType, boolean retired, String insuredRegion, String status,
                              java.util.Set<String> assistanceCategories) {

        /** 医疗救助对象: the categories valid on the asked date (none from an account-service that does not say). */
        public java.util.Set<String> assistanceCategories() {
            return assistanceCategories == null ? java.util.Set.of() : assistanceCategories;
        }

        /** Employees (310) have a personal account; residents (390) have none. */
        public boolean hasPersonalAccount() {
            return insuranceType == InsuranceType.EMPLOYEE;
        }
    }

    /** A personal account. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(long personId, BigDecimal balance, String status) {
    }

    /** What became of a payment request. */
    public sealed interface PaymentOutcome permits Payment, Refused {
    }

    /** A payment as account-service reports it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Payment(long paymentId, BigDecimal paidAmount, BigDecimal shortfall, BigDecimal balanceAfter,
                          String reference, boolean refunded) implements PaymentOutcome {
    }

    /** A payment refused by a rule of account-service. */
    public record Refused(int status, String code, String detail) implements PaymentOutcome {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Problem(String code, String detail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record PaymentPage(List<Payment> items) {
    }

    public Eligibility eligibility(long personId, LocalDate date) {
        try (Response r = DownstreamCall.of(SERVICE, () -> client.eligibility(personId, date.toString()))) {
            if (r.getStatus() == 404) {
                throw ProblemException.rule("UNKNOWN_PERSON", "account-service knows no person " + personId + ".");
            }
            return ok(r, Eligibility.class);
        }
    }

    /**
     * The person's birth date (from the ID number), for a policy variant by age; asked only of a policy
     * that has one, so that the settlement of every other policy makes no extra call.
     */
    public Optional<LocalDate> birthDate(long personId) {
        try (Response r = DownstreamCall.of(SERVICE, () -> client.person(personId))) {
            if (r.getStatus() == 404) {
                throw ProblemException.rule("UNKNOWN_PERSON", "account-service knows no person " + personId + ".");
            }
            return Optional.ofNullable(ok(r, PersonFacts.class).birthDate());
        }
    }

    /**
     * 居民保费收入: a region's resident premiums of a month as account-service reports them, subsidies
     * (资助参保) and relatives' accounts (家庭共济代缴) apart.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ResidentPremiums")
    public record Premiums(long count, BigDecimal premiumAmount, BigDecimal subsidyAmount, BigDecimal paidByPersons,
                           BigDecimal paidByFamilyAccounts, java.util.List<PremiumSource> bySource) {
    }

    /** One subsidy source's premiums of the month (null: premiums without a subsidy). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PremiumSource(String subsidySource, long count, BigDecimal premiumAmount, BigDecimal subsidyAmount) {
    }

    public Premiums premiums(String region, java.time.YearMonth month) {
        try (Response r = DownstreamCall.of(SERVICE, () -> client.premiums(region, month.toString()))) {
            return ok(r, Premiums.class);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record PersonFacts(long personId, LocalDate birthDate) {
    }

    /** The person's account, or empty when they have none (residents). */
    public Optional<Account> account(long personId) {
        try (Response r = DownstreamCall.of(SERVICE, () -> client.account(personId))) {
            return r.getStatus() == 404 ? Optional.empty() : Optional.of(ok(r, Account.class));
        }
    }

    /** Pays with allowPartial; the result is the payment, or the rule that refused it. */
    public PaymentOutcome pay(long payer, BigDecimal amount, String purpose, Long beneficiary, String reference, String key) {
        try (Response r = DownstreamCall.of(SERVICE, () -> client.pay(payer, key,
                new AccountClient.PaymentRequest(amount, purpose, beneficiary, reference, true)))) {
            if (r.getStatus() == 201) {
                return DownstreamCall.read(SERVICE, r, Payment.class);
            }
            Problem p = DownstreamCall.read(SERVICE, r, Problem.class);
            if ("DUPLICATE_REFERENCE".equals(p.code())) {
                return paymentFor(payer, reference).<PaymentOutcome>map(x -> x)
                        .orElse(new Refused(409, p.code(), p.detail()));
            }
            return new Refused(r.getStatus(), p.code(), p.detail());
        }
    }

    /** The payment made for a reference, if any (reconciliation after a lost answer). */
    public Optional<Payment> paymentFor(long payer, String reference) {
        try (Response r = DownstreamCall.of(SERVICE, () -> client.paymentsByReference(payer, reference))) {
            if (r.getStatus() == 404) {
                return Optional.empty();
            }
            return ok(r, PaymentPage.class).items().stream().findFirst();
        }
    }

    /** Refunds a payment; an earlier refund of it counts as done. */
    public void refund(long payer, long paymentId, String key) {
        try (Response r = DownstreamCall.of(SERVICE, () -> client.refund(payer, paymentId, key))) {
            if (r.getStatus() == 201 || r.getStatus() == 409) {
                return;
            }
            Problem p = DownstreamCall.read(SERVICE, r, Problem.class);
            throw ProblemException.rule("ACCOUNT_REFUND_REFUSED", "account-service refused the refund: " + p.code()
                    + " " + p.detail());
        }
    }

    private static <T> T ok(Response r, Class<T> type) {
        if (r.getStatus() != 200) {
            throw DownstreamCall.unexpected(SERVICE, r);
        }
        return DownstreamCall.read(SERVICE, r, type);
    }
}
