package cn.medins.reimbursement.settlement;

import cn.medins.common.idempotency.Idempotency;

/**
 * What the counter gets: the settlement made (or cancelled) now, or the stored answer to the same
 * request made before with the same Idempotency-Key.
 */
public record Settled(Settlement settlement, Idempotency.StoredAnswer replay) {

    static Settled now(Settlement settlement) {
        return new Settled(settlement, null);
    }

    static Settled again(Idempotency.StoredAnswer replay) {
        return new Settled(null, replay);
    }

    public boolean replayed() {
        return replay != null;
    }
}
