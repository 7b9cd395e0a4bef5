package cn.medins.reimbursement.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The failing account-service with its circuit breakers exactly as in production: 10 calls, half
 * failed, open it for 5 s.
 */
public class TrippingBreakerProfile extends FailingAccountServiceProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.remove(FailingAccountServiceProfile.BREAKER_VOLUME);
        return overrides;
    }
}
