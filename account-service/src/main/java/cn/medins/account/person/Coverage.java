package cn.medins.account.person;

import cn.medins.account.enrollment.EnrollmentStatus;

/**
 * Whether the pooled fund (统筹基金) may pay for a person on a date, why, and the insurance status
 * (参保状态) on that date.
 */
public record Coverage(boolean eligible, String reason, String detail, EnrollmentStatus status) {

    static Coverage covered(String detail) {
        return new Coverage(true, "COVERED", detail, EnrollmentStatus.ACTIVE);
    }

    static Coverage not(String reason, String detail, EnrollmentStatus status) {
        return new Coverage(false, reason, detail, status);
    }
}
