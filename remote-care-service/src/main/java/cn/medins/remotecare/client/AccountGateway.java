package cn.medins.remotecare.client;

import cn.medins.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** The insured person as account-service knows them; a silent account-service is a clean 503. */
@ApplicationScoped
public class AccountGateway {

    private static final Logger LOG = Logger.getLogger(AccountGateway.class);

    @Inject
    @RestClient
    AccountClient client;

    /** What remote care needs of a person. */
    public record Person(long personId, String insuranceType, String personType, String insuredRegion,
                         String status) {

        public boolean activelyEnrolled() {
            return !"TERMINATED".equals(status);
        }
    }

    public Optional<Person> person(long personId) {
        Response r;
        try {
            r = client.person(personId);
        } catch (ProcessingException | FaultToleranceException e) {
            throw unavailable(e);
        }
        try (r) {
            if (r.getStatus() == 404) {
                return Optional.empty();
            }
            if (r.getStatus() != 200) {
                throw unavailable(new IllegalStateException("account-service answered " + r.getStatus()));
            }
            return Optional.of(r.readEntity(Person.class));
        }
    }

    private static ProblemException unavailable(Exception cause) {
        LOG.warnf("account-service unavailable: %s", cause.getMessage());
        return ProblemException.unavailable("ACCOUNT_SERVICE_UNAVAILABLE",
                "account-service is not answering; nothing was done. Retry in a moment.");
    }
}
