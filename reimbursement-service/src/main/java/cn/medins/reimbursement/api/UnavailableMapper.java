package cn.medins.reimbursement.api;

import cn.medins.common.problem.ProblemMappers;
import cn.medins.reimbursement.client.AccountServiceUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** account-service silent before anything was done: a clean 503 problem. */
public class UnavailableMapper {

    @ServerExceptionMapper
    public Response unavailable(AccountServiceUnavailableException e, UriInfo uri) {
        return ProblemMappers.respond(503, "ACCOUNT_SERVICE_UNAVAILABLE", "account-service did not answer ("
                + e.getMessage() + "); nothing was done. Retry in a moment.", null, uri);
    }
}
