package cn.medins.reimbursement.visit;

import cn.medins.common.problem.ProblemException;
import cn.medins.common.problem.Violation;
import java.util.List;

/** Why a visit or its fee lines are refused; the codes are the contract (docs/api.md "Visits and fee details"). */
final class VisitProblems {

    static final String VISIT_NOT_FOUND = "VISIT_NOT_FOUND";

    private VisitProblems() {
    }

    static ProblemException notFound(String institutionCode, String visitId) {
        return ProblemException.notFound(VISIT_NOT_FOUND, "No visit " + visitId + " admitted at " + institutionCode
                + " (POST /visits admits it).");
    }

    static ProblemException exists(Visit live) {
        return ProblemException.conflict("VISIT_EXISTS", "Visit " + live.visitId + " at " + live.institutionCode
                + " is already admitted (" + live.status + ", person " + live.personId + "): GET /visits/"
                + live.institutionCode + "/" + live.visitId + " shows it; withdraw it (入院撤销) to admit it anew.");
    }

    static ProblemException settled(Visit v) {
        return ProblemException.conflict("VISIT_SETTLED", "Visit " + v.visitId + " at " + v.institutionCode
                + " is settled (settlement " + v.settlementId + "): its lines cannot change; cancel the settlement "
                + "(POST /settlements/" + v.settlementId + "/cancellation) to change them and settle again.");
    }

    static ProblemException withdrawn(Visit v) {
        return ProblemException.conflict("VISIT_WITHDRAWN", "Visit " + v.visitId + " at " + v.institutionCode
                + " was withdrawn (入院撤销): admit it again with POST /visits.");
    }

    /** The same lineNo already holds other content; {@code field} names the line of the batch. */
    static ProblemException lineConflict(String field, String lineNo, String stored) {
        String message = "lineNo " + lineNo + " was already uploaded with other content (" + stored
                + "): revoke it first to change it";
        return new ProblemException(409, "FEE_LINE_CONFLICT", field + ": " + message,
                List.of(new Violation(field, message)));
    }

    static ProblemException lineNotFound(List<String> lineNos) {
        return ProblemException.notFound("FEE_LINE_NOT_FOUND", "No fee line " + String.join(", ", lineNos)
                + " in this visit: nothing was revoked.");
    }

    static ProblemException notInpatient(Visit v) {
        return ProblemException.conflict("NOT_INPATIENT", "Visit " + v.visitId + " is " + v.medicalType.code()
                + ", not a stay (21): only a stay is discharged (出院办理).");
    }

    static ProblemException noLines(Visit v) {
        return ProblemException.conflict("NO_FEE_LINES", "Visit " + v.visitId + " at " + v.institutionCode
                + " has no fee lines to settle: upload them first (POST .../fee-lines).");
    }

    static ProblemException changed(Visit v) {
        return ProblemException.conflict("VISIT_CHANGED", "Visit " + v.visitId + " was discharged on another date ("
                + v.dischargeDate + ") while it was being settled: settle it again.");
    }
}
