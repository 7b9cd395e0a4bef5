package cn.medins.reimbursement.client;

import cn.medins.common.downstream.ServerErrorMapper;
import cn.medins.common.security.ServiceToken;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * account-service over REST ({@code quarkus.rest-client.account-service.url}). Reads are retried;
 * writes are not (a retry is the saga's, with the same Idempotency-Key); every call goes through
 * a circuit breaker so that a dead account-service is answered at once, and a bulkhead of 32 calls at
 * a time, so that a slow one sheds the excess with 503s instead of queueing every worker thread.
 */
@RegisterClientHeaders(ServiceToken.class)
@RegisterRestClient(configKey = "account-service")
@RegisterProvider(ServerErrorMapper.class)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2)
@Bulkhead(32)
interface AccountClient {

    @GET
    @Path("/persons/{personId}/eligibility")
    @Retry(maxRetries = 2, delay = 100)
    @CircuitBreakerName(AccountGateway.ELIGIBILITY_BREAKER)
    Response eligibility(@PathParam("personId") long personId, @QueryParam("date") String date);

    @GET
    @Path("/accounts/{personId}")
    @Retry(maxRetries = 2, delay = 100)
    Response account(@PathParam("personId") long personId);

    @GET
    @Path("/persons/{personId}")
    @Retry(maxRetries = 2, delay = 100)
    Response person(@PathParam("personId") long personId);

    @GET
    @Path("/accounts/{personId}/payments")
    @Retry(maxRetries = 2, delay = 100)
    Response paymentsByReference(@PathParam("personId") long personId, @QueryParam("reference") String reference);

    @GET
    @Path("/reports/premiums")
    @Retry(maxRetries = 2, delay = 100)
    Response premiums(@QueryParam("region") String region, @QueryParam("month") String month);

    @POST
    @Path("/accounts/{personId}/payments")
    Response pay(@PathParam("personId") long personId, @HeaderParam("Idempotency-Key") String key,
                 PaymentRequest payment);

    @POST
    @Path("/accounts/{personId}/payments/{paymentId}/refund")
    Response refund(@PathParam("personId") long personId, @PathParam("paymentId") long paymentId,
                    @HeaderParam("Idempotency-Key") String key);

    /** The body of a payment. */
    record PaymentRequest(BigDecimal amount, String purpose, Long beneficiaryPersonId, String reference,
                          boolean allowPartial) {
    }
}
