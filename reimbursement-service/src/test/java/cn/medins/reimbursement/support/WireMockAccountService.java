package cn.medins.reimbursement.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A simulated account-service, for the failures a real one will not produce on demand. */
public class WireMockAccountService implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of("quarkus.rest-client.account-service.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** account-service answers that the person is an eligible in-service employee of 150400 (Chifeng). */
    public static void stubEligible(long personId) {
        server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/persons/" + personId + "/eligibility")).willReturn(
                WireMock.okJson("{\"personId\":" + personId + ",\"eligible\":true,\"reason\":\"COVERED\","
                        + "\"detail\":\"ok\",\"insuranceType\":\"310\",\"personType\":\"IN_SERVICE\","
                        + "\"retired\":false,\"insuredRegion\":\"150400\",\"status\":\"ACTIVE\"}")));
    }
}
