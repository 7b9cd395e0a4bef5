package cn.medins.account.account;

/** A payment given back, announced inside the refund's transaction (a premium it paid is removed). */
public record PaymentRefunded(long personId, long paymentId) {
}
