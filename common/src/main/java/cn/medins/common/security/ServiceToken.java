package cn.medins.common.security;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * The calling service's own identity on its REST calls: a short-lived {@code service} token signed
 * with the service's key ({@code smallrye.jwt.sign.key.location}), never the end user's token.
 */
@ApplicationScoped
public class ServiceToken implements ClientHeadersFactory {

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    /** Token lifetimes are real time, checked by the verifier's own clock: never the business clock. */
    private final Clock realTime = Clock.systemUTC();

    private volatile String token;
    private volatile Instant renewAt = Instant.EPOCH;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.add("Authorization", "Bearer " + current());
        return headers;
    }

    private String current() {
        if (realTime.instant().isAfter(renewAt)) {
            token = Jwt.issuer(issuer).subject(service).upn(service).groups(Roles.SERVICE).expiresIn(300).sign();
            renewAt = realTime.instant().plusSeconds(240);
        }
        return token;
    }
}
