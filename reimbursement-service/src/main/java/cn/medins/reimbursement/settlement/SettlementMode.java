package cn.medins.reimbursement.settlement;

/** Local care, remote care filed (备案) or exempt from filing, or a manual claim for unfiled remote care. */
public enum SettlementMode {
    LOCAL, REMOTE_FILED, REMOTE_EXEMPT, REMOTE_UNFILED_CLAIM
}
