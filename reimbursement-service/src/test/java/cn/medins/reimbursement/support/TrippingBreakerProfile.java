package cn.medins.reimbursement.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The failing account-service with its circuit breakers as in production (10 calls, half failed,
 * open it), except that an open breaker tries again after 500 ms instead of 5 s.
 */
public class TrippingBreakerProfile extends FailingAccountServiceProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.remove(FailingAccountServiceProfile.BREAKER_VOLUME);
        overrides.put("cn.medins.reimbursement.client.AccountClient/CircuitBreaker/delay", "500");
        return overrides;
    }
}
