package cn.medins.common.problem;

import java.util.List;

/**
 * Thrown by any layer to answer the caller with a problem: the status, a stable UPPER_SNAKE
 * {@code code} and a sentence a person can act on.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<Violation> violations;

    public ProblemException(int status, String code, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.code = code;
        this.violations = violations;
    }

    public ProblemException(int status, String code, String detail) {
        this(status, code, detail, null);
    }

    /** 400 for one invalid field. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "VALIDATION_FAILED", field + ": " + message,
                List.of(new Violation(field, message)));
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(400, code, detail);
    }

    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(404, code, detail);
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, detail);
    }

    /** 422: a rule of the domain forbids the request. */
    public static ProblemException rule(String code, String detail) {
        return new ProblemException(422, code, detail);
    }

    public static ProblemException unavailable(String code, String detail) {
        return new ProblemException(503, code, detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }
}
