package cn.medins.common.downstream;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * How every gateway calls its REST client: whatever stands for "no answer" (connection refused,
 * closed or reset, an empty answer, a timeout, a 5xx after the retries, the circuit breaker open, a
 * body cut off or not JSON) becomes one {@link DownstreamUnavailableException} naming the service,
 * answered 503; any other answer is returned.
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
        } catch (RuntimeException e) {
            if (lostConnection(e)) {
                throw new DownstreamUnavailableException(service, "lost the connection: " + e, e);
            }
            throw e;
        }
    }

    /** An answer's body; one cut off, garbled or not the expected JSON is no answer either. */
    public static <T> T read(String service, Response response, Class<T> type) {
        try {
            return response.readEntity(type);
        } catch (ProcessingException | IllegalStateException e) {
            throw new DownstreamUnavailableException(service, "answered with a body that cannot be read: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (lostConnection(e)) {
                throw new DownstreamUnavailableException(service, "lost the connection while answering: " + e, e);
            }
            throw e;
        }
    }

    /** An answer that should have been 200 but was something else: the service is not answering as it should. */
    public static DownstreamUnavailableException unexpected(String service, Response response) {
        return new DownstreamUnavailableException(service, "answered " + response.getStatus(), null);
    }

    /**
     * A failure of the connection rather than of this code: an I/O error, or Vert.x's and Netty's own
     * (a connection closed mid-answer is Vert.x's {@code HttpClosedException}, not a ProcessingException).
     */
    static boolean lostConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof IOException || name.startsWith("io.vertx.") || name.startsWith("io.netty.")) {
                return true;
            }
        }
        return false;
    }
}
