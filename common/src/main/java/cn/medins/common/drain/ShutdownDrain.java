package cn.medins.common.drain;

import cn.medins.common.config.MedinsConfig;
import cn.medins.common.problem.ProblemMappers;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The end of a drain. After SIGTERM, Quarkus reports readiness DOWN and goes on answering for
 * {@code quarkus.shutdown.delay}, so that load balancers steer away; then it waits up to
 * {@code quarkus.shutdown.timeout} for the requests in flight, and closes the server as soon as there
 * are none. It still passes new requests on in that second phase, so a client that keeps sending (a
 * counter's HIS with its own connection, a proxy that keeps connections) keeps requests in flight
 * until the timeout cuts them, and one that reconnects the moment the last request ends has its
 * request cut by the close. So for the last {@code medins.drain.refusing} of the delay, and after it,
 * every new business request is answered at once 503 {@code SHUTTING_DOWN} with Retry-After and
 * {@code Connection: close}, while what is in flight finishes: by the delay's end the clients are
 * waiting as Retry-After says, nothing is in flight, and the service stops within moments. Health and
 * metrics ({@code /q/...}) are not REST resources and are not refused.
 */
@ApplicationScoped
public class ShutdownDrain {

    private static final Logger LOG = Logger.getLogger(ShutdownDrain.class);

    private final Duration answering;
    private volatile long refuseFrom;
    private volatile boolean stopping;

    public ShutdownDrain(@ConfigProperty(name = "quarkus.shutdown.delay-enabled", defaultValue = "false") boolean enabled,
                         @ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> delay,
                         MedinsConfig config) {
        Duration all = enabled ? delay.orElse(Duration.ZERO) : Duration.ZERO;
        Duration refusing = config.drain().refusing();
        this.answering = all.compareTo(refusing) > 0 ? all.minus(refusing) : Duration.ZERO;
    }

    /** SIGTERM: the delay begins; new work is refused for its last part (monotonic time, not the business clock). */
    void delayStarted(@Observes ShutdownDelayInitiatedEvent event) {
        startRefusingIn(answering);
    }

    /** The application stops without a delay: refuse from now on. */
    void shutdown(@Observes ShutdownEvent event) {
        if (!stopping) {
            startRefusingIn(Duration.ZERO);
        }
    }

    private void startRefusingIn(Duration wait) {
        refuseFrom = System.nanoTime() + wait.toNanos();
        stopping = true;
        LOG.infof("Stopping: new requests are answered 503 SHUTTING_DOWN in %d ms", wait.toMillis());
    }

    @ServerRequestFilter(preMatching = true, priority = 0)
    public Optional<Response> refuseOnceDrained(ContainerRequestContext request) {
        if (!drained()) {
            return Optional.empty();
        }
        Response problem = ProblemMappers.respond(503, "SHUTTING_DOWN", "This instance is stopping; nothing was "
                + "done. Retry in a moment: another instance, or this one restarted, will answer.", null, null);
        return Optional.of(Response.fromResponse(problem).header("Retry-After", ProblemMappers.RETRY_AFTER_SECONDS)
                .header("Connection", "close").build());
    }

    /**
     * A request taken before the refusal and answered after it closes its connection too, so that
     * its client's next request opens a new one (answered 503, or refused once the service is gone)
     * instead of going down a kept connection the stopping server may close under it.
     */
    @ServerResponseFilter
    public void closeOnceDrained(ContainerResponseContext response) {
        if (drained()) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }

    private boolean drained() {
        return stopping && System.nanoTime() - refuseFrom >= 0;
    }
}
