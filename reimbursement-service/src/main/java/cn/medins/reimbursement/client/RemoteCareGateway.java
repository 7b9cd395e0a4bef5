package cn.medins.reimbursement.client;

import cn.medins.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
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
    public record Coverage(boolean covered, String mode, Long filingId, boolean personalAccountEnabled,
                           String reason) {
    }

    public Coverage coverage(long personId, String region, LocalDate date) {
        Response r;
        try {
            r = client.coverage(personId, region, date.toString());
        } catch (ProcessingException | FaultToleranceException e) {
            throw unavailable(e);
        }
        try (r) {
            if (r.getStatus() != 200) {
                throw unavailable(new IllegalStateException("remote-care-service answered " + r.getStatus()));
            }
            return r.readEntity(Coverage.class);
        }
    }

    private static ProblemException unavailable(Exception cause) {
        LOG.warnf("remote-care-service unavailable: %s", cause.getMessage());
        return ProblemException.unavailable("REMOTE_CARE_SERVICE_UNAVAILABLE", "remote-care-service is not answering, "
                + "so care outside the insured region cannot be settled now; nothing was done. Retry in a moment.");
    }
}
