package cn.medins.account.account;

/** What a personal-account payment is for: the uses the account may pay (domain section 4). */
public enum PaymentPurpose {
    OUTPATIENT, EMERGENCY, PHARMACY, INPATIENT_SELF_PAY, BELOW_DEDUCTIBLE, COMMERCIAL_INSURANCE, RESIDENT_PREMIUM
}
