package cn.medins.reimbursement.visit;

/** OPEN (admitted, lines may be uploaded), SETTLED (a live settlement holds it), WITHDRAWN (入院撤销). */
public enum VisitStatus {
    OPEN, SETTLED, WITHDRAWN
}
