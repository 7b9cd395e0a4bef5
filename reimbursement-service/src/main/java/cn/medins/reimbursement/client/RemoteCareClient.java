package cn.medins.reimbursement.client;

import cn.medins.common.downstream.ServerErrorMapper;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import cn.medins.common.security.ServiceToken;

/** remote-care-service over REST ({@code quarkus.rest-client.remote-care-service.url}); a read, retried. */
@RegisterClientHeaders(ServiceToken.class)
@RegisterProvider(ServerErrorMapper.class)
@RegisterRestClient(configKey = "remote-care-service")
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2)
@Bulkhead(32)
interface RemoteCareClient {

    @GET
    @Path("/coverage")
    @Retry(maxRetries = 2, delay = 100)
    Response coverage(@QueryParam("personId") long personId, @QueryParam("region") String region,
                      @QueryParam("date") String date);
}
