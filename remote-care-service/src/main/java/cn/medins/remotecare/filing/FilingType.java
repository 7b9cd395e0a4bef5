package cn.medins.remotecare.filing;

import java.util.Set;

/** 备案类型, each with the reasons it accepts. */
public enum FilingType {
    /** 异地长期居住: valid until cancelled; needs proof. */
    LONG_TERM(Set.of(FilingReason.RETIREE_RESETTLEMENT, FilingReason.LONG_TERM_RESIDENCE, FilingReason.POSTED_WORKER)),
    /** 临时外出就医: valid at least six months, any number of uses. */
    TEMPORARY(Set.of(FilingReason.REFERRAL, FilingReason.BUSINESS_TRIP, FilingReason.TRAVEL)),
    /** 急诊抢救: may be filed after the care, and covers it. */
    EMERGENCY(Set.of(FilingReason.EMERGENCY));

    private final Set<FilingReason> reasons;

    FilingType(Set<FilingReason> reasons) {
        this.reasons = reasons;
    }

    public boolean accepts(FilingReason reason) {
        return reasons.contains(reason);
    }

    public Set<FilingReason> reasons() {
        return reasons;
    }
}
