package cn.medins.common.downstream;

import cn.medins.common.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A downstream service that gave no answer where nothing was done yet: 503 with the code
 * {@code <SERVICE>_UNAVAILABLE} (e.g. {@code ACCOUNT_SERVICE_UNAVAILABLE}) and {@code Retry-After}.
 */
public class UnavailableMapper {

    private static final Logger LOG = Logger.getLogger(UnavailableMapper.class);
    /** Seconds a caller should wait: about the circuit breaker's delay. */
    static final String RETRY_AFTER = "5";

    @ServerExceptionMapper
    public Response unavailable(DownstreamUnavailableException e, UriInfo uri) {
        LOG.warnf("%s unavailable for %s: %s", e.service(), uri.getPath(), e.getMessage());
        String code = e.service().toUpperCase(Locale.ROOT).replace('-', '_') + "_UNAVAILABLE";
        Response problem = ProblemMappers.respond(503, code, e.service() + " is not answering; nothing was done. "
                + "Retry in a moment.", null, uri);
        return Response.fromResponse(problem).header("Retry-After", RETRY_AFTER).build();
    }
}
