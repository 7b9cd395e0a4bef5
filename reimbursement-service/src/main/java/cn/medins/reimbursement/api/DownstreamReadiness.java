package cn.medins.reimbursement.api;

import cn.medins.common.health.Downstream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Reports account-service and remote-care-service in /q/health/ready. */
@Readiness
@ApplicationScoped
public class DownstreamReadiness implements HealthCheck {

    @Inject
    Downstream downstream;

    @ConfigProperty(name = "quarkus.rest-client.account-service.url")
    String accountService;

    @ConfigProperty(name = "quarkus.rest-client.remote-care-service.url")
    String remoteCareService;

    @ConfigProperty(name = "medins.readiness.require-downstream", defaultValue = "false")
    boolean required;

    @Override
    public HealthCheckResponse call() {
        return downstream.check(Map.of("account-service", accountService, "remote-care-service", remoteCareService),
                required);
    }
}
