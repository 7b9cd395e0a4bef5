package cn.medins.reimbursement.client;

import cn.medins.common.downstream.DownstreamCall;
import cn.medins.common.downstream.DownstreamUnavailableException;
import cn.medins.common.problem.ProblemException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Whether remote care is covered (filed, exempt) as remote-care-service answers it. */
@ApplicationScoped
public class RemoteCareGateway {

    private static final Logger LOG = Logger.getLogger(RemoteCareGateway.class);

    @Inject
    @RestClient
    RemoteCareClient client;

    /** remote-care-service's answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Coverage(boolean covered, String mode, Long filingId, boolean personalAccountEnabled,
                           String reason) {
    }

    public Coverage coverage(long personId, String region, LocalDate date) {
        try (Response r = DownstreamCall.of("remote-care-service", () -> client.coverage(personId, region, date.toString()))) {
            if (r.getStatus() != 200) {
                throw DownstreamCall.unexpected("remote-care-service", r);
            }
            return DownstreamCall.read("remote-care-service", r, Coverage.class);
        } catch (DownstreamUnavailableException e) {
            LOG.warnf("remote-care-service unavailable: %s", e.getMessage());
            throw ProblemException.unavailable("REMOTE_CARE_SERVICE_UNAVAILABLE", "remote-care-service is not "
                    + "answering, so care outside the insured region cannot be settled now; nothing was done. Retry in "
                    + "a moment.");
        }
    }
}
