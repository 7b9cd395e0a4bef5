package cn.medins.remotecare.client;

import cn.medins.common.downstream.DownstreamCall;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The insured person as account-service knows them; a silent account-service throws
 * {@link cn.medins.common.downstream.DownstreamUnavailableException}, answered as a clean 503.
 */
@ApplicationScoped
public class AccountGateway {

    static final String SERVICE = "account-service";

    @Inject
    @RestClient
    AccountClient client;

    /** What remote care needs of a person. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(long personId, String insuranceType, String personType, String insuredRegion,
                         String status) {

        public boolean activelyEnrolled() {
            return !"TERMINATED".equals(status);
        }
    }

    public Optional<Person> person(long personId) {
        try (Response r = DownstreamCall.of(SERVICE, () -> client.person(personId))) {
            if (r.getStatus() == 404) {
                return Optional.empty();
            }
            if (r.getStatus() != 200) {
                throw DownstreamCall.unexpected(SERVICE, r);
            }
            return Optional.of(DownstreamCall.read(SERVICE, r, Person.class));
        }
    }
}
