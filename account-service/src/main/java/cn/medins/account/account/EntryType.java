package cn.medins.account.account;

/** What a ledger entry records; credits are positive amounts, debits negative. */
public enum EntryType {
    /** The employee's individual contribution, credited in full. */
    INDIVIDUAL_CONTRIBUTION,
    /** The configured share of the employer contribution. */
    EMPLOYER_ALLOCATION,
    /** The monthly credit of a retiree's account. */
    RETIREE_ALLOCATION,
    PAYMENT,
    REFUND,
    TRANSFER_OUT,
    TRANSFER_IN,
    /** The balance paid out when the account is closed (death, emigration, foreigner's departure). */
    CLOSURE_PAYOUT,
    /** The year's interest (计息), on the daily balances. */
    INTEREST
}
