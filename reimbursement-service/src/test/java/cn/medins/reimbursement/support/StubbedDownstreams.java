package cn.medins.reimbursement.support;

import java.util.HashMap;
import java.util.Map;

/** account-service and remote-care-service both simulated by one WireMock server ({@link WireMockAccountService#server}). */
public class StubbedDownstreams extends WireMockAccountService {

    @Override
    public Map<String, String> start() {
        Map<String, String> urls = new HashMap<>(super.start());
        urls.put("quarkus.rest-client.remote-care-service.url", server.baseUrl());
        return urls;
    }
}
