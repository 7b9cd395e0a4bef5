package cn.medins.reimbursement.settlement;

import cn.medins.reimbursement.calculation.ClassifiedBill;

/**
 * The visits whose fee lines were uploaded beforehand, as the settlement saga needs them (implemented by
 * the {@code visit} capability, which settlement does not depend on): their lines' sums, and the visit's
 * state kept in step with its settlement in the saga's own transactions.
 */
public interface UploadedVisits {

    /** The sums of the visit's live lines, read without a lock (预结算). */
    ClassifiedBill sums(long visitRef);

    /**
     * In the reserving transaction: locks the visit (uploads wait, then find it settled), refuses one
     * that cannot be settled now (settled, withdrawn, no lines, discharged on another date than
     * {@code dischargeDate} meanwhile), and sums its live lines.
     */
    ClassifiedBill lockForSettlement(long visitRef, java.time.LocalDate dischargeDate);

    /** In the same transaction: the visit is SETTLED by this settlement. */
    void settled(long visitRef, long settlementId);

    /** In the transaction that cancels or voids the settlement: the visit is OPEN again. */
    void reopened(long visitRef, long settlementId);
}
