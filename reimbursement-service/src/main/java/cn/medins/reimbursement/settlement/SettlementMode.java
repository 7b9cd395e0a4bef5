package cn.medins.reimbursement.settlement;

/**
 * Local care, remote care filed (备案) or exempt from filing, a manual claim for unfiled remote care, or
 * remote care admitted without cover (a visit admitted with no filing or at an institution that does not
 * settle remote care directly: the funds pay nothing).
 */
public enum SettlementMode {
    LOCAL, REMOTE_FILED, REMOTE_EXEMPT, REMOTE_UNFILED_CLAIM, REMOTE_UNCOVERED
}
