package dev.fetchlet.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.Response;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {
    @Test
    void connectionTroubleIsUnavailable() {
        assertTrue(Database.isUnavailable(new SQLTransientConnectionException("pool - request timed out")));
        assertTrue(Database.isUnavailable(new SQLNonTransientConnectionException("socket closed")));
        assertTrue(Database.isUnavailable(new SQLException("communications link failure", "08S01")));
        assertTrue(Database.isUnavailable(new SQLException("wrapped", "HY000",
                new SQLException("refused", "08001"))));
    }

    @Test
    void sqlErrorsAreNot() {
        assertFalse(Database.isUnavailable(new SQLIntegrityConstraintViolationException("dup", "23000")));
        assertFalse(Database.isUnavailable(new SQLSyntaxErrorException("bad", "42000")));
        assertFalse(Database.isUnavailable(new SQLException("no state")));
    }

    @Test
    void theAnswerIs503WithRetryAfterInPlainWords() throws Exception {
        Response r = DatabaseUnavailable.response();
        assertEquals(503, r.status());
        assertEquals("2", r.headers().get("Retry-After"));
        assertTrue(r.bodyText().contains("The database is unavailable right now"), r.bodyText());
    }
}
