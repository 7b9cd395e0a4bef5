package cn.medins.common.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The stored outcome of a request made with an {@code Idempotency-Key}. Each service keeps these
 * in its own schema (table {@code idempotency_record}, created by the service's migrations) and
 * writes them in the same transaction as the effect.
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    @Id
    @Column(name = "idempotency_key")
    public String key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "response_status", nullable = false)
    public int responseStatus;

    @Column(name = "response_body")
    public String responseBody;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
