package cn.medins.common.idempotency;

import cn.medins.common.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} handling for POSTs: the first request with a key runs and its response
 * is stored with the effect, in one transaction; the same key and body later gets that response
 * again ({@code Idempotent-Replayed: true}); the same key with another body is refused (422); the
 * same key while the first is still running is refused (409).
 *
 * <p>Only successful outcomes are stored: a request refused by a rule rolls back entirely, key
 * included, so the caller may retry it with the same key once the cause is fixed.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    /** First half of the advisory-lock key, so these locks never collide with other advisory locks. */
    private static final int LOCK_NAMESPACE = 7411;
    /** Stored status of a key whose request is still under way in a saga. */
    private static final int IN_FLIGHT = 0;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    HttpHeaders headers;

    @Inject
    UriInfo uri;

    /** For a POST that moves money: the key is required. */
    @Transactional
    public Response required(Object request, Supplier<Response> action) {
        return run(true, request, action);
    }

    /** For a POST that creates something: the key is honoured when sent. */
    @Transactional
    public Response optional(Object request, Supplier<Response> action) {
        return run(false, request, action);
    }

    private Response run(boolean required, Object request, Supplier<Response> action) {
        String key = headers.getHeaderString(HEADER);
        if (key == null && !required) {
            return action.get();
        }
        validate(key);
        lock(key);
        String hash = hash(request);
        IdempotencyRecord previous = em.find(IdempotencyRecord.class, key);
        if (previous != null) {
            return replay(previous, hash);
        }
        Response response = action.get();
        store(key, hash, response);
        return response;
    }

    /**
     * Phase one of a request that completes in a later transaction (a saga): inside the transaction
     * that creates the pending effect, replays a finished request, refuses a reused or in-flight
     * key, or claims the key (stored as in flight until {@link #complete} or {@link #release}).
     *
     * @return the replayed response, or empty when the key is now claimed by this request
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Response> claim(String key, Object request) {
        validate(key);
        lock(key);
        String hash = hash(request);
        IdempotencyRecord previous = em.find(IdempotencyRecord.class, key);
        if (previous != null) {
            if (previous.responseStatus == IN_FLIGHT && previous.requestHash.equals(hash)) {
                throw inFlight();
            }
            return Optional.of(replay(previous, hash));
        }
        IdempotencyRecord record = new IdempotencyRecord();
        record.key = key;
        record.requestHash = hash;
        record.responseStatus = IN_FLIGHT;
        record.createdAt = Instant.now();
        em.persist(record);
        return Optional.empty();
    }

    /** Phase two: stores the final response of a claimed key, in the transaction that finishes the effect. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String key, int status, Object body) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, key);
        if (record != null) {
            record.responseStatus = status;
            record.responseBody = json(body);
        }
    }

    /** Frees a claimed key whose effect was voided, so that the caller may retry with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(String key) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, key);
        if (record != null && record.responseStatus == IN_FLIGHT) {
            em.remove(record);
        }
    }

    /** The key sent with the current request, or null. */
    public String currentKey() {
        return headers.getHeaderString(HEADER);
    }

    /** The current request's key; refuses at once (before any work) a money-moving request without one. */
    public String requireKey() {
        String key = currentKey();
        validate(key);
        return key;
    }

    private static ProblemException inFlight() {
        return ProblemException.conflict("IDEMPOTENCY_KEY_IN_FLIGHT",
                "A request with this Idempotency-Key is still being processed; retry in a moment.");
    }

    private static void validate(String key) {
        if (key == null) {
            throw ProblemException.badRequest("IDEMPOTENCY_KEY_REQUIRED",
                    "This request moves money: send an Idempotency-Key header (1-128 printable characters) "
                            + "so that a retry can never apply it twice.");
        }
        if (key.isEmpty() || key.length() > 128 || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw ProblemException.invalid(HEADER, "must be 1 to 128 printable ASCII characters");
        }
    }

    /** A transaction-scoped advisory lock: a second request with the key fails fast instead of waiting. */
    private void lock(String key) {
        Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, LOCK_NAMESPACE).setParameter(2, key).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            throw inFlight();
        }
    }

    private Response replay(IdempotencyRecord previous, String hash) {
        if (!previous.requestHash.equals(hash)) {
            throw ProblemException.rule("IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was already used for a different request; use a new key.");
        }
        return Response.status(previous.responseStatus).entity(previous.responseBody)
                .type(MediaType.APPLICATION_JSON).header(REPLAYED, "true").build();
    }

    private void store(String key, String hash, Response response) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.key = key;
        record.requestHash = hash;
        record.responseStatus = response.getStatus();
        record.responseBody = json(response.getEntity());
        record.createdAt = Instant.now();
        em.persist(record);
    }

    private String hash(Object request) {
        String canonical = uri.getPath() + "\n" + json(request);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private String json(Object value) {
        try {
            return value == null ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass(), e);
        }
    }
}
