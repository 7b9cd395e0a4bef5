package cn.medins.remotecare.health;

import cn.medins.common.health.Downstream;
import jakarta.enterprise.context.ApplicationScoped;
import cn.medins.common.config.MedinsConfig;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Reports account-service in /q/health/ready. */
@Readiness
@ApplicationScoped
public class DownstreamReadiness implements HealthCheck {

    @Inject
    Downstream downstream;

    @ConfigProperty(name = "quarkus.rest-client.account-service.url")
    String accountService;

    @Inject
    MedinsConfig config;

    @Override
    public HealthCheckResponse call() {
        return downstream.check(Map.of("account-service", accountService), config.readiness().requireDownstream());
    }
}
