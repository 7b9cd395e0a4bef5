package cn.medins.common.health;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Readiness that reports the services this one calls. By default it only reports them (a service
 * whose downstream is down still answers what it can, e.g. local settlements without
 * remote-care-service); with {@code required} their being down makes this service not ready.
 * It asks through Vert.x's HTTP client, which the service has loaded anyway (the JDK's own client
 * would add some 600 classes to every service's memory for one request every few seconds).
 */
@ApplicationScoped
public class Downstream {

    private static final int TIMEOUT_MS = 1000;

    private final HttpClient http;

    Downstream(Vertx vertx) {
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(TIMEOUT_MS).setMaxPoolSize(2));
    }

    /** @param services name -> base URL */
    public HealthCheckResponse check(Map<String, String> services, boolean required) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("Downstream services").up();
        boolean allUp = true;
        for (Map.Entry<String, String> service : services.entrySet()) {
            boolean up = live(service.getValue());
            allUp &= up;
            builder.withData(service.getKey(), (up ? "UP " : "DOWN ") + service.getValue());
        }
        return builder.status(allUp || !required).build();
    }

    private boolean live(String baseUrl) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(baseUrl + "/q/health/live").setTimeout(TIMEOUT_MS);
        try {
            return http.request(request)
                    .compose(r -> r.send())
                    .compose(response -> response.body().map(body -> response.statusCode() == 200))
                    .toCompletionStage().toCompletableFuture()
                    .get(2L * TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
