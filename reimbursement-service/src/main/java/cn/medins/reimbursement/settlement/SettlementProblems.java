package cn.medins.reimbursement.settlement;

import cn.medins.common.problem.ProblemException;
import cn.medins.reimbursement.calculation.ClassifiedBill;
import cn.medins.reimbursement.calculation.MedicalType;
import cn.medins.reimbursement.reference.Institution;

/** Why a visit is not settled, cancelled or reviewed; the codes are the contract (docs/api.md). */
public final class SettlementProblems {

    public static final String UNKNOWN_INSTITUTION = "UNKNOWN_INSTITUTION";
    public static final String INSTITUTION_NOT_DESIGNATED = "INSTITUTION_NOT_DESIGNATED";
    public static final String MEDICAL_TYPE_NOT_OFFERED = "MEDICAL_TYPE_NOT_OFFERED";
    public static final String POLICY_NOT_FOUND = "POLICY_NOT_FOUND";
    public static final String ALREADY_SETTLED = "ALREADY_SETTLED";
    public static final String SETTLEMENT_NOT_FOUND = "SETTLEMENT_NOT_FOUND";
    public static final String ACCOUNT_SERVICE_UNAVAILABLE = "ACCOUNT_SERVICE_UNAVAILABLE";

    private SettlementProblems() {
    }

    static ProblemException unknownInstitution(String code) {
        return ProblemException.rule(UNKNOWN_INSTITUTION, "No institution with code " + code + " is registered.");
    }

    static ProblemException notDesignated(Institution i) {
        return ProblemException.rule(INSTITUTION_NOT_DESIGNATED, i.name + " is not a designated (定点) "
                + "institution: the fund and the personal account pay nothing there.");
    }

    /** A retail pharmacy sells medicines (41) and nothing else; only hospitals and primary institutions admit (21). */
    static ProblemException notOffered(Institution i, boolean pharmacy, MedicalType type) {
        return ProblemException.rule(MEDICAL_TYPE_NOT_OFFERED, i.name + (pharmacy
                ? " is a retail pharmacy (定点零售药店): it settles pharmacy purchases (41) only, not " + type.code()
                : " is not a pharmacy: pharmacy purchases (41) are settled at a designated retail pharmacy") + ".");
    }

    static ProblemException noPolicy(String region, String insuranceType, int year) {
        return ProblemException.rule(POLICY_NOT_FOUND, "No policy for insured region " + region + ", insurance type "
                + insuranceType + ", year " + year + ": the agency must load one (PUT /policies/...) before settling.");
    }

    static ProblemException alreadySettled(SettlementRequest r, String which) {
        return ProblemException.conflict(ALREADY_SETTLED, "Visit " + r.visitId() + " at " + r.institutionCode()
                + " was already settled as " + which + "; cancel it first to settle again.");
    }

    /** The institution's total of the bill is not the uploaded lines' (both named: the HIS finds the line). */
    static ProblemException totalMismatch(PreparedVisit p, ClassifiedBill bill) {
        return ProblemException.conflict("TOTAL_MISMATCH", "The uploaded lines of visit " + p.request().visitId()
                + " total " + bill.total().toPlainString() + ", not the " + p.expectedTotal().toPlainString()
                + " expected (expectedTotalAmount): upload or revoke the lines that differ.");
    }

    /** The bill's sums, when they are the total the institution expects (or it expects none). */
    static ClassifiedBill expected(PreparedVisit p, ClassifiedBill bill) {
        if (bill != null && p.expectedTotal() != null && p.expectedTotal().compareTo(bill.total()) != 0) {
            throw totalMismatch(p, bill);
        }
        return bill;
    }

    static ProblemException notDischarged(AdmittedVisit v) {
        return ProblemException.conflict("NOT_DISCHARGED", "Visit " + v.visitId() + " at " + v.institutionCode()
                + " is a stay not yet discharged: POST .../discharge with the discharge date (出院办理) before settling.");
    }

    public static ProblemException notFound(String what, long id) {
        return ProblemException.notFound(SETTLEMENT_NOT_FOUND, "No " + what + " " + id + ".");
    }

    static ProblemException paymentUnconfirmed(long id) {
        return ProblemException.unavailable(ACCOUNT_SERVICE_UNAVAILABLE, "Settlement " + id + " is PENDING: "
                + "the personal-account payment could not be confirmed because account-service did not answer. "
                + "It will be completed or voided automatically; GET /settlements/" + id + " shows the outcome.");
    }

    static ProblemException refundUnconfirmed(long id) {
        return ProblemException.unavailable(ACCOUNT_SERVICE_UNAVAILABLE, "Settlement " + id + " is CANCELLING: "
                + "account-service did not confirm the refund. The cancellation will be finished automatically; "
                + "GET /settlements/" + id + " shows the outcome.");
    }

    /** Why a settlement in this state cannot be cancelled (撤销); null when it can. */
    static ProblemException notCancellable(Settlement s) {
        long id = s.id;
        return switch (s.status) {
            case PENDING -> ProblemException.conflict("SETTLEMENT_PENDING", "Settlement " + id
                    + " is still PENDING; it cannot be cancelled until it completes.");
            case CANCELLED -> ProblemException.conflict("ALREADY_CANCELLED", "Settlement " + id
                    + " was already cancelled at " + s.cancelledAt + ".");
            case FAILED -> ProblemException.conflict("SETTLEMENT_FAILED", "Settlement " + id
                    + " failed and holds nothing to cancel.");
            case SUBMITTED -> ProblemException.conflict("CLAIM_NOT_REVIEWED", "Claim " + id
                    + " is SUBMITTED: the agency approves or rejects it; it cannot be cancelled before.");
            case REJECTED -> ProblemException.conflict("CLAIM_REJECTED", "Claim " + id
                    + " was rejected and holds nothing to cancel.");
            case COMPLETED, CANCELLING -> null;
        };
    }
}
