package cn.medins.common.security;

import cn.medins.common.problem.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 and 403 as problem details (authentication is lazy, so failures reach these mappers). */
public class SecurityMappers {

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return challenge(uri);
    }

    @ServerExceptionMapper
    public Response failed(AuthenticationFailedException e, UriInfo uri) {
        return challenge(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemMappers.respond(403, "FORBIDDEN", "Your role may not do this.", null, uri);
    }

    private static Response challenge(UriInfo uri) {
        Response problem = ProblemMappers.respond(401, "UNAUTHORIZED", "A valid bearer token is required: missing, "
                + "malformed, wrongly signed, expired or from another issuer.", null, uri);
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
