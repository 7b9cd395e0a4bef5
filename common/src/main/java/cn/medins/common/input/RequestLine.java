package cn.medins.common.input;

import cn.medins.common.problem.ProblemMappers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import cn.medins.common.problem.Violation;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the request line before routing, for every service: a path or query longer than
 * {@link #MAX_LENGTH} is a 414 problem (Vert.x itself is allowed a longer line, see
 * {@code quarkus.http.limits.max-initial-line-length}, so that the answer is a problem document and
 * not an empty 414), and a NUL character ({@code %00}) anywhere in them is a 400.
 */
public class RequestLine {

    /** Longer request targets than any operation of the suite needs. */
    static final int MAX_LENGTH = 4096;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        String target = request.getUriInfo().getRequestUri().getRawPath()
                + Optional.ofNullable(request.getUriInfo().getRequestUri().getRawQuery()).map(q -> "?" + q).orElse("");
        if (target.length() > MAX_LENGTH) {
            return Optional.of(ProblemMappers.respond(414, "URI_TOO_LONG", "The path and query are "
                    + target.length() + " characters long; at most " + MAX_LENGTH + " are accepted.", null, null));
        }
        if (target.contains("%00") || target.indexOf('\u0000') >= 0) {
            String field = nulField(request.getUriInfo().getRequestUri().getRawPath(),
                    request.getUriInfo().getRequestUri().getRawQuery());
            String message = "must not contain the NUL character (%00)";
            return Optional.of(ProblemMappers.respond(400, "VALIDATION_FAILED", "The " + field + " " + message
                    + ": no identifier or parameter may hold it.", List.of(new Violation(field, message)), null));
        }
        return Optional.empty();
    }

    /** "path", or the name of the query parameter that holds the NUL. */
    private static String nulField(String path, String query) {
        if (path.contains("%00") || query == null) {
            return "path";
        }
        for (String parameter : query.split("&")) {
            if (parameter.contains("%00")) {
                return "query parameter " + parameter.split("=", 2)[0];
            }
        }
        return "query";
    }
}
