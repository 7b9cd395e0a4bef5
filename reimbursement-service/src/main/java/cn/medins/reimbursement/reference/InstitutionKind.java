package cn.medins.reimbursement.reference;

/** Hospital, primary-care institution (基层, counts as level 1) or pharmacy (药店). */
public enum InstitutionKind {
    HOSPITAL, PRIMARY, PHARMACY
}
