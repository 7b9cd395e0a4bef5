/**
 * The REST clients of account-service (参保, 个人账户) and remote-care-service (异地就医备案), behind
 * gateways that turn every failure of a downstream service into a domain answer or a
 * {@code DownstreamUnavailableException} (a 503 to the caller), with timeouts and circuit breakers.
 */
package cn.medins.reimbursement.client;
