package cn.medins.reimbursement.settlement;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import cn.medins.reimbursement.support.FailingAccountServiceProfile;
import cn.medins.reimbursement.support.HospitalCounter;
import cn.medins.reimbursement.support.WireMockAccountService;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every connection-level failure of account-service (reset, an empty answer, garbage then close, a
 * broken chunk, garbage with a 200) is a 503 ACCOUNT_SERVICE_UNAVAILABLE with Retry-After, never a 500:
 * before the reservation nothing is settled; during the payment the answer names the PENDING settlement.
 */
@QuarkusTest
@TestProfile(FailingAccountServiceProfile.class)
class DownstreamFaultsTest {

    private static final AtomicLong PERSONS = new AtomicLong(9_500_000);

    private WireMockServer accounts;
    private long person;

    @BeforeEach
    void setUp() {
        accounts = WireMockAccountService.server;
        accounts.resetAll();
        HospitalCounter.setUpReferenceData();
        person = PERSONS.incrementAndGet();
    }

    private void eligible() {
        WireMockAccountService.stubEligible(person);
    }

    private Map<String, Object> visit(String id) {
        Map<String, Object> bill = HospitalCounter.outpatient(person, HospitalCounter.HOSPITAL, id + "-" + person, "1000");
        bill.put("useAccount", true);
        return bill;
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE",
                                               "MALFORMED_RESPONSE_CHUNK"})
    void aBrokenEligibilityAnswerIsA503AndNothingIsSettled(Fault fault) {
        accounts.stubFor(get(urlPathEqualTo("/persons/" + person + "/eligibility"))
                .willReturn(aResponse().withFault(fault)));
        HospitalCounter.settle(visit("e-" + fault)).statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("code", equalTo("ACCOUNT_SERVICE_UNAVAILABLE"));
        given().queryParam("personId", person).get("/settlements").then().body("items.size()", equalTo(0));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE",
                                               "MALFORMED_RESPONSE_CHUNK"})
    void aPaymentCutOffIsA503NamingThePendingSettlement(Fault fault) {
        eligible();
        accounts.stubFor(post(urlPathEqualTo("/accounts/" + person + "/payments"))
                .willReturn(aResponse().withFault(fault)));
        HospitalCounter.settle(visit("p-" + fault)).statusCode(503).header("Retry-After", notNullValue())
                .body("code", equalTo("ACCOUNT_SERVICE_UNAVAILABLE")).body("detail", containsString("is PENDING"));
        given().queryParam("personId", person).get("/settlements").then().body("items[0].status", equalTo("PENDING"));
    }

    @Test
    void garbageWithA200IsA503NotA500() {
        accounts.stubFor(get(urlPathEqualTo("/persons/" + person + "/eligibility"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"personId\": tr")));
        HospitalCounter.settle(visit("garbage")).statusCode(503).body("code", equalTo("ACCOUNT_SERVICE_UNAVAILABLE"));
    }
}
