package cn.medins.common.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures are "the database is not answering" (503, retry) rather than a bug (500). */
class DatabaseUnavailableTest {

    @Test
    void aLostConnectionAnywhereInTheChainIsUnavailability() {
        assertTrue(DatabaseFailures.databaseUnavailable(new RuntimeException(new SQLException("I/O error", "08006"))));
        assertTrue(DatabaseFailures.databaseUnavailable(new SQLException("Sorry, acquisition timeout!")));
        // a commit that failed because an operator terminated the connection: the driver's error is suppressed
        RuntimeException commit = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseFailures.databaseUnavailable(new IllegalStateException(commit)));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(DatabaseFailures.databaseUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseFailures.databaseUnavailable(new RuntimeException("Could not commit transaction.")));
        assertFalse(DatabaseFailures.databaseUnavailable(new NullPointerException()));
    }
}
