package cn.medins.common.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Readiness that reports the services this one calls. By default it only reports them (a service
 * whose downstream is down still answers what it can, e.g. local settlements without
 * remote-care-service); with {@code required} their being down makes this service not ready.
 */
public final class Downstream {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private Downstream() {
    }

    /** @param services name -> base URL */
    public static HealthCheckResponse check(Map<String, String> services, boolean required) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("Downstream services").up();
        boolean allUp = true;
        for (Map.Entry<String, String> service : services.entrySet()) {
            boolean up = live(service.getValue());
            allUp &= up;
            builder.withData(service.getKey(), (up ? "UP " : "DOWN ") + service.getValue());
        }
        return builder.status(allUp || !required).build();
    }

    private static boolean live(String baseUrl) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/live"))
                    .timeout(Duration.ofSeconds(1)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
