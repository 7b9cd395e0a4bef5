package cn.medins.nhsa.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * The institution's own token on the gateway's calls to reimbursement-service, which keeps an
 * institution to its own visits and settlements: the gateway never acts with more right than its caller.
 */
@ApplicationScoped
public class CallerToken implements ClientHeadersFactory {

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        String token = incoming.getFirst("Authorization");
        if (token != null) {
            headers.putSingle("Authorization", token);
        }
        return headers;
    }
}
