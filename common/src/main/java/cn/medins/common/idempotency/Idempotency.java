package cn.medins.common.idempotency;

import cn.medins.common.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code Idempotency-Key} handling for operations that move money or create: the first request with
 * a key runs and its answer is stored with the effect, in one transaction; the same key for the same
 * operation and request later gets that answer again; the same key with another operation or request
 * is refused (422); the same key while the first is still running is refused (409).
 *
 * <p>The caller names the operation ({@code "settle"}, {@code "cancel settlement 12"}): nothing here
 * depends on an HTTP request, so a settlement can be made from a test, a job or another protocol
 * adapter. {@link IdempotentRequests} is the HTTP side for resources.
 *
 * <p>Only successful outcomes are stored: a request refused by a rule rolls back entirely, key
 * included, so the caller may retry it with the same key once the cause is fixed. A saga (a
 * settlement paying on another service) claims the key in its first transaction and completes or
 * releases it in its last.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    /** Stored status of a key whose request is still under way (in its transaction, or in a saga). */
    private static final int IN_FLIGHT = 0;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** The stored answer to an earlier identical request: its status and JSON body. */
    public record StoredAnswer(int status, String body) {
    }

    /**
     * Claims the key for this request inside the transaction that makes the effect, with one
     * statement: an {@code INSERT ... ON CONFLICT DO NOTHING} of the key as in flight. A concurrent
     * request with the same key waits on that row until the first commits (then gets its answer) or
     * rolls back (then claims the key itself); a unique violation, which would doom the transaction,
     * never happens. A key already held replays the finished request, or is refused when it was
     * used for another request (422) or is still in flight in a saga (409).
     *
     * @param operation what the key is used for: the same key for another operation is refused
     * @return the stored answer to replay, or empty when the key is now claimed by this request
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredAnswer> claim(String operation, String key, Object request) {
        validate(key);
        String hash = hash(operation, request);
        int claimed = em.createNativeQuery("insert into {h-schema}idempotency_record (idempotency_key, request_hash, "
                        + "response_status, created_at) values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, key).setParameter(2, hash).setParameter(3, IN_FLIGHT).setParameter(4, clock.instant())
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        IdempotencyRecord previous = em.find(IdempotencyRecord.class, key);
        if (!previous.requestHash.equals(hash)) {
            throw ProblemException.rule("IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was already used for a different request; use a new key.");
        }
        if (previous.responseStatus == IN_FLIGHT) {
            throw inFlight();
        }
        return Optional.of(new StoredAnswer(previous.responseStatus, previous.responseBody));
    }

    /** Stores the final answer of a claimed key, in the transaction that finishes the effect. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String key, int status, Object body) {
        em.createNativeQuery("update {h-schema}idempotency_record set response_status = ?1, response_body = ?2 "
                        + "where idempotency_key = ?3")
                .setParameter(1, status).setParameter(2, json(body)).setParameter(3, key).executeUpdate();
    }

    /** Frees a claimed key whose effect was voided, so that the caller may retry with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(String key) {
        em.createNativeQuery("delete from {h-schema}idempotency_record where idempotency_key = ?1 "
                + "and response_status = ?2").setParameter(1, key).setParameter(2, IN_FLIGHT).executeUpdate();
    }

    private static ProblemException inFlight() {
        return ProblemException.conflict("IDEMPOTENCY_KEY_IN_FLIGHT",
                "A request with this Idempotency-Key is still being processed; retry in a moment.");
    }

    /** Refuses at once (before any work) a money-moving request without a valid key. */
    public static void validate(String key) {
        if (key == null) {
            throw ProblemException.badRequest("IDEMPOTENCY_KEY_REQUIRED",
                    "This request moves money: send an Idempotency-Key header (1-128 printable characters) "
                            + "so that a retry can never apply it twice.");
        }
        if (key.isEmpty() || key.length() > 128 || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw ProblemException.invalid(HEADER, "must be 1 to 128 printable ASCII characters");
        }
    }

    private String hash(String operation, Object request) {
        String canonical = operation + "\n" + json(request);
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
