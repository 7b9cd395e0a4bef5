package cn.medins.common.problem;

import org.hibernate.exception.ConstraintViolationException;

/**
 * Recognises the violation of one unique key in a failed transaction. Where a unique key already
 * guards a rule (a visit settles once, a payment reference is used once), the insert itself is
 * the check: no look-up or lock before it on the hot path, and the rare duplicate, once its
 * transaction has rolled back, is answered with a clear 409.
 */
public final class UniqueKey {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueKey() {
    }

    /** Whether {@code e}, or one of its causes, is a violation of the unique constraint or index {@code name}. */
    public static boolean violated(Throwable e, String name) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException v && UNIQUE_VIOLATION.equals(v.getSQLState())
                    && name.equalsIgnoreCase(v.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
