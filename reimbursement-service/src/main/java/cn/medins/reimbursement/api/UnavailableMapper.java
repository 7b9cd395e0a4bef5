package cn.medins.reimbursement.api;

import cn.medins.common.problem.ProblemMappers;
import cn.medins.reimbursement.client.AccountServiceUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** account-service silent before anything was done: a clean 503 problem; the cause goes to the log. */
public class UnavailableMapper {

    private static final Logger LOG = Logger.getLogger(UnavailableMapper.class);

    @ServerExceptionMapper
    public Response unavailable(AccountServiceUnavailableException e, UriInfo uri) {
        LOG.warnf("account-service unavailable for %s: %s", uri.getPath(), e.getMessage());
        return ProblemMappers.respond(503, "ACCOUNT_SERVICE_UNAVAILABLE", "account-service is not answering; "
                + "nothing was done. Retry in a moment.", null, uri);
    }
}
