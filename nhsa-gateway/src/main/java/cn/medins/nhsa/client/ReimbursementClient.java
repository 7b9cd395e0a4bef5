package cn.medins.nhsa.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * reimbursement-service's visits, settlements and accumulators, called with the institution's token
 * ({@link CallerToken}). No retry here: a HIS retries with the same msgid, and every call below is idempotent
 * (visits by id, fee lines by number, settlements and cancellations by a key derived from the msgid).
 */
@RegisterClientHeaders(CallerToken.class)
@RegisterRestClient(configKey = "reimbursement-service")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2)
public interface ReimbursementClient {

    @POST
    @Path("/visits")
    Response admit(Object body);

    @GET
    @Path("/visits/{institution}/{visit}")
    Response visit(@PathParam("institution") String institution, @PathParam("visit") String visit);

    @POST
    @Path("/visits/{institution}/{visit}/fee-lines")
    Response upload(@PathParam("institution") String institution, @PathParam("visit") String visit, Object body);

    @POST
    @Path("/visits/{institution}/{visit}/fee-lines/revocation")
    Response revoke(@PathParam("institution") String institution, @PathParam("visit") String visit, Object body);

    @POST
    @Path("/visits/{institution}/{visit}/discharge")
    Response discharge(@PathParam("institution") String institution, @PathParam("visit") String visit, Object body);

    @POST
    @Path("/visits/{institution}/{visit}/withdrawal")
    Response withdraw(@PathParam("institution") String institution, @PathParam("visit") String visit);

    @POST
    @Path("/visits/{institution}/{visit}/settlement/preview")
    Response preview(@PathParam("institution") String institution, @PathParam("visit") String visit, Object body);

    @POST
    @Path("/visits/{institution}/{visit}/settlement")
    Response settle(@PathParam("institution") String institution, @PathParam("visit") String visit,
                    @HeaderParam("Idempotency-Key") String key, Object body);

    @POST
    @Path("/settlements/preview")
    Response previewBill(Object bill);

    @POST
    @Path("/settlements")
    Response settleBill(@HeaderParam("Idempotency-Key") String key, Object bill);

    @POST
    @Path("/settlements/{id}/cancellation")
    Response cancel(@PathParam("id") long settlementId, @HeaderParam("Idempotency-Key") String key);

    @GET
    @Path("/settlements/{id}")
    Response settlement(@PathParam("id") long settlementId);

    @GET
    @Path("/persons/{person}/accumulators/{year}")
    Response accumulators(@PathParam("person") long personId, @PathParam("year") int year);

    @GET
    @Path("/reconciliations/agency-totals")
    Response agencyTotals(@QueryParam("institutionCode") String institution, @QueryParam("from") String from,
                          @QueryParam("to") String to);

    @GET
    @Path("/reconciliations/agency-settlements")
    Response agencySettlements(@QueryParam("institutionCode") String institution, @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("afterId") long afterId);
}
