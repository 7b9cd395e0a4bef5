package cn.medins.reimbursement.health;

import cn.medins.common.config.MedinsConfig;
import cn.medins.common.health.Downstream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Reports account-service and remote-care-service in /q/health/ready (their URLs are Quarkus's own settings). */
@Readiness
@ApplicationScoped
public class DownstreamReadiness implements HealthCheck {

    @Inject
    Downstream downstream;

    @ConfigProperty(name = "quarkus.rest-client.account-service.url")
    String accountService;

    @ConfigProperty(name = "quarkus.rest-client.remote-care-service.url")
    String remoteCareService;

    @Inject
    MedinsConfig config;

    @Override
    public HealthCheckResponse call() {
        return downstream.check(Map.of("account-service", accountService, "remote-care-service", remoteCareService),
                config.readiness().requireDownstream());
    }
}
