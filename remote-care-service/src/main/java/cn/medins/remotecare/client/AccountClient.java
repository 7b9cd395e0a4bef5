package cn.medins.remotecare.client;

import cn.medins.common.downstream.ServerErrorMapper;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import cn.medins.common.security.ServiceToken;

/** account-service over REST ({@code quarkus.rest-client.account-service.url}); reads only, retried. */
@RegisterClientHeaders(ServiceToken.class)
@RegisterProvider(ServerErrorMapper.class)
@RegisterRestClient(configKey = "account-service")
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2)
@Bulkhead(32)
interface AccountClient {

    @GET
    @Path("/persons/{personId}")
    @Retry(maxRetries = 2, delay = 100)
    Response person(@PathParam("personId") long personId);
}
