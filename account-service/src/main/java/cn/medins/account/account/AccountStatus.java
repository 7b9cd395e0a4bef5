package cn.medins.account.account;

/** A personal account is ACTIVE, FROZEN (by the agency: nothing moves) or CLOSED (paid out). */
public enum AccountStatus {
    ACTIVE, FROZEN, CLOSED
}
