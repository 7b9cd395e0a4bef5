package cn.medins.reimbursement.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.common.downstream.DownstreamUnavailableException;
import cn.medins.reimbursement.support.TrippingBreakerProfile;
import cn.medins.reimbursement.support.WireMockAccountService;
import cn.medins.testsupport.TestData;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The circuit breaker of account-service's eligibility reads, opened, short-circuiting and closing for real. */
@QuarkusTest
@TestProfile(TrippingBreakerProfile.class)
class AccountGatewayBreakerTest {

    private static final String ELIGIBILITY = "/persons/.*/eligibility";

    @Inject
    AccountGateway accounts;

    @Inject
    CircuitBreakerMaintenance breakers;

    private WireMockServer server;

    @BeforeEach
    void accountServiceFails() {
        server = WireMockAccountService.server;
        server.resetAll();
        server.stubFor(get(urlPathMatching(ELIGIBILITY)).willReturn(serverError()));
    }

    @AfterEach
    void close() {
        breakers.resetAll();
    }

    @Test
    void failedReadsOpenTheBreakerTheNextFailsWithoutACallAndItClosesWhenAccountServiceIsBack() {
        for (int i = 0; i < 4; i++) { // each read is tried 3 times: 12 failed attempts, the threshold is 10
            assertThrows(DownstreamUnavailableException.class, () -> accounts.eligibility(1, TestData.TODAY));
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(AccountGateway.ELIGIBILITY_BREAKER));

        server.resetRequests();
        DownstreamUnavailableException open = assertThrows(DownstreamUnavailableException.class,
                () -> accounts.eligibility(1, TestData.TODAY));
        assertTrue(open.getMessage().contains("circuit breaker is open"), open.getMessage());
        server.verify(0, getRequestedFor(urlPathMatching(ELIGIBILITY)));

        // account-service is back: once the breaker has been open 5 s, two calls that succeed close it
        server.stubFor(get(urlPathMatching(ELIGIBILITY)).willReturn(okJson("{\"personId\":1,\"eligible\":true,"
                + "\"reason\":\"COVERED\",\"detail\":\"ok\",\"insuranceType\":\"310\",\"personType\":\"IN_SERVICE\","
                + "\"retired\":false,\"insuredRegion\":\"150400\",\"status\":\"ACTIVE\"}")));
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .untilAsserted(() -> {
            assertTrue(accounts.eligibility(1, TestData.TODAY).eligible());
            assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(AccountGateway.ELIGIBILITY_BREAKER));
        });
    }
}
