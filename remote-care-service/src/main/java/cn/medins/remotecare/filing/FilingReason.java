package cn.medins.remotecare.filing;

/** Why a person files: retiree resettlement (异地安置), long-term residence, posted worker, referral (转诊), trip, travel, emergency. */
public enum FilingReason {
    RETIREE_RESETTLEMENT, LONG_TERM_RESIDENCE, POSTED_WORKER, REFERRAL, BUSINESS_TRIP, TRAVEL, EMERGENCY
}
