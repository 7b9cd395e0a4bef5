package cn.medins.common.idempotency;

import cn.medins.common.lock.HoldsWriterSlot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The HTTP side of {@link Idempotency}, for resources: reads the {@code Idempotency-Key} header,
 * names the operation by the request's path (the same key on another path is another operation),
 * and replays a stored answer marked {@code Idempotent-Replayed: true}.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    Idempotency idempotency;

    @Inject
    HttpHeaders headers;

    @Inject
    UriInfo uri;

    /** For a POST that moves money: the key is required; the action runs in this transaction. */
    @HoldsWriterSlot
    @Transactional
    public Response required(Object request, Supplier<Response> action) {
        return run(true, request, action);
    }

    /** For a POST that creates something: the key is honoured when sent. */
    @HoldsWriterSlot
    @Transactional
    public Response optional(Object request, Supplier<Response> action) {
        return run(false, request, action);
    }

    private Response run(boolean required, Object request, Supplier<Response> action) {
        String key = headers.getHeaderString(Idempotency.HEADER);
        if (key == null && !required) {
            return action.get();
        }
        Optional<Idempotency.StoredAnswer> previous = idempotency.claim(uri.getPath(), key, request);
        if (previous.isPresent()) {
            return replay(previous.get());
        }
        Response response = action.get();
        idempotency.complete(key, response.getStatus(), response.getEntity());
        return response;
    }

    /** The current request's key; refuses at once (before any work) a money-moving request without one. */
    public String requireKey() {
        String key = headers.getHeaderString(Idempotency.HEADER);
        Idempotency.validate(key);
        return key;
    }

    /** 201 Created with the new resource's location and body. */
    public static Response created(String location, Object body) {
        return Response.created(java.net.URI.create(location)).entity(body).build();
    }

    /** A stored answer again, marked {@code Idempotent-Replayed: true}. */
    public static Response replay(Idempotency.StoredAnswer answer) {
        return Response.status(answer.status()).entity(answer.body()).type(MediaType.APPLICATION_JSON)
                .header(REPLAYED, "true").build();
    }
}
