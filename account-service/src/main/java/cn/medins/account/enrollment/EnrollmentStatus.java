package cn.medins.account.enrollment;

/**
 * 参保状态: ACTIVE 正常参保, SUSPENDED 暂停/断缴 (an employee in arrears; derived from the
 * contributions, never stored), TERMINATED 终止 (death, emigration, transferred out).
 */
public enum EnrollmentStatus {
    ACTIVE, SUSPENDED, TERMINATED
}
