package cn.medins.common.downstream;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * How every gateway calls its REST client: whatever stands for "no answer" (connection refused,
 * timeout, a 5xx after the retries, the circuit breaker open) becomes one
 * {@link DownstreamUnavailableException} naming the service; any other answer is returned.
 */
public final class DownstreamCall {

    private DownstreamCall() {
    }

    public static Response of(String service, Supplier<Response> call) {
        try {
            return call.get();
        } catch (DownstreamUnavailableException e) {
            throw new DownstreamUnavailableException(service, e.getMessage().replace("a downstream service ", ""), e);
        } catch (ProcessingException | FaultToleranceException | WebApplicationException e) {
            throw new DownstreamUnavailableException(service, "did not answer: " + e.getMessage(), e);
        }
    }

    /** An answer that should have been 200 but was something else: the service is not answering as it should. */
    public static DownstreamUnavailableException unexpected(String service, Response response) {
        return new DownstreamUnavailableException(service, "answered " + response.getStatus(), null);
    }
}
