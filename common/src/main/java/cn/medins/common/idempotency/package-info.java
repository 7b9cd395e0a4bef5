/**
 * {@code Idempotency-Key}: {@link cn.medins.common.idempotency.Idempotency} claims a key for a named
 * operation in the transaction of its effect; {@link cn.medins.common.idempotency.IdempotentRequests}
 * is its HTTP side for resources.
 */
package cn.medins.common.idempotency;
