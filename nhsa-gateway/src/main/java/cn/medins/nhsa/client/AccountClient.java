package cn.medins.nhsa.client;

import cn.medins.common.security.ServiceToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** account-service's reads of a person (1101), with the gateway's own service token; reads are retried. */
@RegisterClientHeaders(ServiceToken.class)
@RegisterRestClient(configKey = "account-service")
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2)
public interface AccountClient {

    @GET
    @Path("/persons")
    @Retry(maxRetries = 2, delay = 100)
    Response byIdNumber(@QueryParam("idNumber") String idNumber);

    @GET
    @Path("/persons/{id}")
    @Retry(maxRetries = 2, delay = 100)
    Response person(@PathParam("id") long personId);

    @GET
    @Path("/persons/{id}/eligibility")
    @Retry(maxRetries = 2, delay = 100)
    Response eligibility(@PathParam("id") long personId, @QueryParam("date") String date);

    @GET
    @Path("/accounts/{id}")
    @Retry(maxRetries = 2, delay = 100)
    Response account(@PathParam("id") long personId);

    @GET
    @Path("/persons/{id}/assistance-identities")
    @Retry(maxRetries = 2, delay = 100)
    Response identities(@PathParam("id") long personId);
}
