package cn.medins.reimbursement.settlement;

import static cn.medins.testsupport.TestData.yuan;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.medins.reimbursement.support.FailingAccountServiceProfile;
import cn.medins.reimbursement.support.HospitalCounter;
import cn.medins.reimbursement.support.WireMockAccountService;
import cn.medins.testsupport.TestData;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * account-service slow, failing, or answering nothing: the counter gets a clear answer and nothing
 * is left half done; a PENDING settlement is finished or voided by the recovery job.
 */
@QuarkusTest
@TestProfile(FailingAccountServiceProfile.class)
class AccountServiceFailureTest {

    @Inject
    SettlementRepository repository;

    private static final AtomicLong PERSONS = new AtomicLong(9_000_000);

    @Inject
    SettlementRecovery recovery;

    private WireMockServer accounts;
    private long person;

    @BeforeEach
    void setUp() {
        accounts = WireMockAccountService.server;
        accounts.resetAll();
        HospitalCounter.setUpReferenceData();
        person = PERSONS.incrementAndGet();
        WireMockAccountService.stubEligible(person);
    }

    /** 1,000 at level 3: 600 deductible, 200 from the fund, burden 800. */
    private Map<String, Object> visit(String id) {
        Map<String, Object> bill = HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, id + "-" + person, "1000");
        bill.put("useAccount", true);
        return bill;
    }

    private static String payment(long id, String paid, String balanceAfter) {
        return "{\"paymentId\":" + id + ",\"paidAmount\":" + paid + ",\"shortfall\":0,\"balanceAfter\":"
                + balanceAfter + ",\"reference\":\"r\",\"refunded\":false}";
    }

    @Test
    void eligibilityDownMeansNothingIsSettledAndReadsAreRetried() {
        accounts.stubFor(get(urlPathEqualTo("/persons/" + person + "/eligibility"))
                .willReturn(aResponse().withStatus(500)));
        HospitalCounter.settle(visit("down")).statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("ACCOUNT_SERVICE_UNAVAILABLE"));
        accounts.verify(3, getRequestedFor(urlPathEqualTo("/persons/" + person + "/eligibility")));
        given().queryParam("personId", person).get("/settlements").then().body("items.size()", equalTo(0));
    }

    @Test
    void theFundReportAnswersWithoutThePremiumsWhileAccountServiceFails() {
        accounts.stubFor(get(urlPathEqualTo("/reports/premiums")).willReturn(aResponse().withStatus(500)));
        io.restassured.RestAssured.given().queryParam("region", "150400").queryParam("month", "2026-11")
                .get("/reports/fund").then().statusCode(200).body("total.count", org.hamcrest.Matchers.notNullValue())
                .body("premiums", org.hamcrest.Matchers.nullValue())
                .body("premiumsNote", org.hamcrest.Matchers.containsString("could not report the premiums"));
    }

    @Test
    void aSlowAccountServiceTimesOutCleanly() {
        accounts.stubFor(get(urlPathEqualTo("/persons/" + person + "/eligibility"))
                .willReturn(okJson("{}").withFixedDelay(2000)));
        HospitalCounter.settle(visit("slow")).statusCode(503).body("code", equalTo("ACCOUNT_SERVICE_UNAVAILABLE"));
        given().queryParam("personId", person).get("/settlements").then().body("items.size()", equalTo(0));
    }

    @Test
    void aTimedOutPaymentLeavesAPendingSettlementThatRecoveryVoids() {
        accounts.stubFor(post(urlPathEqualTo("/accounts/" + person + "/payments"))
                .willReturn(okJson(payment(1, "800", "0")).withStatus(201).withFixedDelay(2000)));
        String key = TestData.key();
        Map<String, Object> bill = visit("timeout");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(bill).post("/settlements").then()
                .statusCode(503).body("code", equalTo("ACCOUNT_SERVICE_UNAVAILABLE"))
                .body("detail", containsString("PENDING"));
        accounts.verify(1, postRequestedFor(urlPathEqualTo("/accounts/" + person + "/payments")));
        given().queryParam("personId", person).get("/settlements").then()
                .body("items[0].status", equalTo("PENDING"));
        HospitalCounter.accumulators(person, 2026).body("outpatientDeductibleUsed", yuan("600"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(bill).post("/settlements").then()
                .statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_IN_FLIGHT"));

        // account-service knows no payment for the settlement's reference: void it
        accounts.stubFor(get(urlPathEqualTo("/accounts/" + person + "/payments")).willReturn(okJson("{\"items\":[]}")));
        recovery.recover();
        given().queryParam("personId", person).get("/settlements").then()
                .body("items[0].status", equalTo("FAILED"))
                .body("items[0].trace", hasItem(containsString("voided")));
        HospitalCounter.accumulators(person, 2026).body("outpatientDeductibleUsed", yuan("0"))
                .body("outpatientFundPaid", yuan("0"));

        // the key was released with the void: the counter's retry settles
        accounts.stubFor(post(urlPathEqualTo("/accounts/" + person + "/payments"))
                .willReturn(okJson(payment(2, "800", "0")).withStatus(201)));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(bill).post("/settlements").then()
                .statusCode(201).body("status", equalTo("COMPLETED")).body("accountPaid", yuan("800"))
                .body("cashPaid", yuan("0"));
    }

    @Test
    void aLostAnswerIsFoundByRecoveryAndTheSettlementCompletes() {
        long id = pendingAfterALostAnswer("lost");
        recoveryFindsPayment77();
        given().get("/settlements/" + id).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("accountPaid", yuan("300")).body("cashPaid", yuan("500"))
                .body("trace", hasItem(containsString("paid 300.00")));
        String reference = given().get("/settlements/" + id).then().extract().path("accountPaymentReference");
        accounts.verify(getRequestedFor(urlPathMatching("/accounts/" + person + "/payments"))
                .withQueryParam("reference", com.github.tomakehurst.wiremock.client.WireMock.equalTo(reference)));
    }

    @Test
    void aLateCompletionNeverOverwritesWhatRecoveryDecided() {
        long id = pendingAfterALostAnswer("late");
        // the copy a settling request holds between its two transactions
        Settlement copy = QuarkusTransaction.requiringNew().call(() -> Settlement.<Settlement>findById(id));
        recoveryFindsPayment77();

        copy.paidFromAccount(new BigDecimal("800.00"), BigDecimal.ZERO, 78L);
        copy.complete(TestData.CLOCK_START);
        assertFalse(QuarkusTransaction.requiringNew().call(() -> repository.storeCompletion(copy)),
                "the row is no longer PENDING");
        given().get("/settlements/" + id).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("accountPaid", yuan("300")).body("cashPaid", yuan("500"));
        assertEquals(77L, QuarkusTransaction.requiringNew().call(() ->
                Settlement.<Settlement>findById(id).accountPaymentId));
    }

    /** The account payment's answer is lost (502): the counter gets 503 and the settlement stays PENDING. */
    private long pendingAfterALostAnswer(String visit) {
        accounts.stubFor(post(urlPathEqualTo("/accounts/" + person + "/payments"))
                .willReturn(aResponse().withStatus(502)));
        return given().contentType(ContentType.JSON).header("Idempotency-Key", TestData.key()).body(visit(visit))
                .post("/settlements").then().statusCode(503).extract().jsonPath()
                .getLong("detail.replaceAll('.*Settlement (\\\\d+) is PENDING.*', '$1')");
    }

    /** The payment had in fact been made: recovery finds it by the settlement's reference and completes. */
    private void recoveryFindsPayment77() {
        accounts.stubFor(get(urlPathEqualTo("/accounts/" + person + "/payments"))
                .willReturn(okJson("{\"items\":[" + payment(77, "300.00", "0.00") + "]}")));
        recovery.recover();
    }

    @Test
    void aRefusedAccountPaymentCompletesInCash() {
        accounts.stubFor(post(urlPathEqualTo("/accounts/" + person + "/payments")).willReturn(aResponse()
                .withStatus(422).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":422,\"code\":\"ACCOUNT_FROZEN\",\"detail\":\"frozen by the agency\"}")));
        int id = HospitalCounter.settle(visit("frozen")).statusCode(201).body("status", equalTo("COMPLETED"))
                .body("accountPaid", yuan("0")).body("cashPaid", yuan("800"))
                .body("trace", hasItem(containsString("ACCOUNT_FROZEN"))).extract().path("settlementId");
        // stored as answered: the completion's update wrote the cash outcome, with no payment or balance
        Settlement stored = QuarkusTransaction.requiringNew().call(() -> Settlement.<Settlement>findById((long) id));
        assertEquals(SettlementStatus.COMPLETED, stored.status);
        assertEquals(new BigDecimal("800.00"), stored.cashPaid);
        assertNull(stored.accountPaymentId);
        assertNull(stored.accountBalanceAfter);
        assertNotNull(stored.completedAt);
    }

    @Test
    void remoteCareDownMeansRemoteCareIsNotSettledAndNothingIsDone() {
        HospitalCounter.settle(HospitalCounter.outpatient(person, HospitalCounter.REMOTE_HOSPITAL, "remote-" + person, "100")).statusCode(503)
                .body("code", equalTo("REMOTE_CARE_SERVICE_UNAVAILABLE"));
        given().queryParam("personId", person).get("/settlements").then().body("items.size()", equalTo(0));
        // local care does not need remote-care-service
        accounts.stubFor(post(urlPathEqualTo("/accounts/" + person + "/payments"))
                .willReturn(okJson(payment(9, "800", "0")).withStatus(201)));
        HospitalCounter.settle(visit("local")).statusCode(201).body("mode", equalTo("LOCAL"));
    }

    @Test
    void aCancellationWhoseRefundTimesOutStaysCancellingUntilItIsFinished() {
        accounts.stubFor(post(urlPathEqualTo("/accounts/" + person + "/payments"))
                .willReturn(okJson(payment(5, "800", "0")).withStatus(201)));
        int id = HospitalCounter.settle(visit("cancel")).statusCode(201).extract().path("settlementId");
        accounts.stubFor(post(urlPathEqualTo("/accounts/" + person + "/payments/5/refund"))
                .willReturn(okJson("{}").withStatus(201).withFixedDelay(2000)));
        HospitalCounter.cancel(id).statusCode(503).body("code", equalTo("ACCOUNT_SERVICE_UNAVAILABLE"))
                .body("detail", containsString("CANCELLING"));
        given().get("/settlements/" + id).then().body("status", equalTo("CANCELLING"));
        HospitalCounter.accumulators(person, 2026).body("outpatientFundPaid", yuan("200"));

        accounts.stubFor(post(urlPathEqualTo("/accounts/" + person + "/payments/5/refund"))
                .willReturn(okJson("{}").withStatus(201)));
        HospitalCounter.cancel(id).statusCode(200).body("status", equalTo("CANCELLED"));
        HospitalCounter.accumulators(person, 2026).body("outpatientFundPaid", yuan("0"));
    }

    @Test
    void anInterruptedCancellationIsFinishedByRecoveryWithOneRefund() {
        accounts.stubFor(post(urlPathEqualTo("/accounts/" + person + "/payments"))
                .willReturn(okJson(payment(6, "800", "0")).withStatus(201)));
        int id = HospitalCounter.settle(visit("cancel-rec")).statusCode(201).extract().path("settlementId");
        String refund = "/accounts/" + person + "/payments/6/refund";
        accounts.stubFor(post(urlPathEqualTo(refund)).willReturn(aResponse().withStatus(503)));
        String key = TestData.key();
        given().header("Idempotency-Key", key).post("/settlements/" + id + "/cancellation").then().statusCode(503)
                .body("detail", containsString("CANCELLING"));
        given().header("Idempotency-Key", key).post("/settlements/" + id + "/cancellation").then().statusCode(409)
                .body("code", equalTo("IDEMPOTENCY_KEY_IN_FLIGHT"));

        accounts.stubFor(post(urlPathEqualTo(refund)).willReturn(okJson("{}").withStatus(201)));
        recovery.recover();
        given().get("/settlements/" + id).then().body("status", equalTo("CANCELLED"));
        HospitalCounter.accumulators(person, 2026).body("outpatientFundPaid", yuan("0"));
        // every refund request carried the same key, derived from the payment: account-service refunds once
        var refunds = accounts.findAll(postRequestedFor(urlPathEqualTo(refund)));
        assertEquals(1, refunds.stream().map(r -> r.getHeader("Idempotency-Key")).distinct().count());
        given().header("Idempotency-Key", key).post("/settlements/" + id + "/cancellation").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("status", equalTo("CANCELLED"));
    }

    /**
     * One pattern for every downstream: 5xx answers count as failures; after enough of them the
     * circuit breaker opens and the counter is answered at once, without a request reaching
     * account-service; once account-service is back, the breaker lets trial calls through and closes.
     */
    @Test
    void theCircuitBreakerOpensOnFailuresAndClosesWhenAccountServiceIsBack() throws InterruptedException {
        var eligibility = urlPathMatching("/persons/.*/eligibility");
        accounts.stubFor(get(eligibility).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 5; i++) {
            HospitalCounter.settle(visit("cb-" + i)).statusCode(503).header("Retry-After", notNullValue())
                    .body("code", equalTo("ACCOUNT_SERVICE_UNAVAILABLE"));
        }
        int reached = accounts.countRequestsMatching(getRequestedFor(eligibility).build()).getCount();
        HospitalCounter.settle(visit("cb-open")).statusCode(503).body("code", equalTo("ACCOUNT_SERVICE_UNAVAILABLE"));
        assertEquals(reached, accounts.countRequestsMatching(getRequestedFor(eligibility).build()).getCount(),
                "the breaker is open: the settlement was answered without calling account-service");

        accountServiceBack();
        int status = 503;
        for (int attempt = 0; attempt < 40 && status != 201; attempt++) {
            Thread.sleep(250);
            status = HospitalCounter.settle(visit("cb-back-" + attempt)).extract().statusCode();
        }
        assertEquals(201, status, "after the breaker's delay, account-service answers again");
        accountServiceBack();
        HospitalCounter.settle(visit("cb-closed")).statusCode(201).body("status", equalTo("COMPLETED"));
        accounts.verify(getRequestedFor(urlPathEqualTo("/persons/" + person + "/eligibility")));
    }

    /** A new person whose account pays the whole burden of one {@link #visit}. */
    private void accountServiceBack() {
        setUp();
        accounts.stubFor(post(urlPathEqualTo("/accounts/" + person + "/payments"))
                .willReturn(okJson(payment(1, "800", "200")).withStatus(201)));
    }
}
