package cn.medins.common.downstream;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Registered on every REST client of the suite: a 5xx answer becomes an exception, so that retries
 * and the circuit breaker count it, mapped the same way for every downstream service; 4xx answers
 * stay responses, read by the gateways as the rules they report.
 */
public class ServerErrorMapper implements ResponseExceptionMapper<DownstreamUnavailableException> {

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 500;
    }

    @Override
    public DownstreamUnavailableException toThrowable(Response response) {
        return new DownstreamUnavailableException("a downstream service", "answered " + response.getStatus(), null);
    }
}
