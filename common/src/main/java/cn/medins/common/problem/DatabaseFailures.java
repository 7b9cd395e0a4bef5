package cn.medins.common.problem;

/**
 * Recognises what a failed request met in the database: a wait cut short by its bounds (busy), or a
 * connection lost or refused (unavailable). Either way the request rolled back; the caller may retry.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * A lost or refused database connection (server restarted, connections terminated, pool
     * exhausted): SQL states 08xxx and 57P01-57P03, or the pool's acquisition timeout. Such a
     * request rolled back; the caller may retry it.
     */
    public static boolean databaseUnavailable(Throwable e) {
        return databaseUnavailable(e, 0);
    }

    /**
     * A wait cut short by the bounds every connection has (docs: README "Operating"): a lock not granted
     * within {@code lock_timeout} (SQL state 55P03) or a statement cancelled by {@code statement_timeout}
     * (57014). Such a request rolled back; the caller may retry it.
     */
    public static boolean databaseBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && ("55P03".equals(sql.getSQLState())
                    || "57014".equals(sql.getSQLState()))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed != t && databaseBusy(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Causes and suppressed exceptions too: a failed commit carries the driver's error as suppressed. */
    private static boolean databaseUnavailable(Throwable e, int depth) {
        for (Throwable t = e; t != null && depth < 8; t = t.getCause() == t ? null : t.getCause()) {
            for (Throwable suppressed : t.getSuppressed()) {
                if (databaseUnavailable(suppressed, depth + 1)) {
                    return true;
                }
            }
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
