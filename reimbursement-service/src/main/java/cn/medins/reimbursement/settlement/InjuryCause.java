package cn.medins.reimbursement.settlement;

/** Why the care was needed; anything but ILLNESS is never paid by the fund (不予支付). */
public enum InjuryCause {
    ILLNESS, SELF_HARM, ALCOHOL_ABUSE, ILLEGAL_ACT, THIRD_PARTY_LIABILITY
}
