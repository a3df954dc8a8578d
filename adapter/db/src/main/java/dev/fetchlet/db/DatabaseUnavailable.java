package dev.fetchlet.db;

import dev.fetchlet.Response;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

/**
 * The answer when the database cannot be reached: {@code 503 Service Unavailable} with {@code Retry-After},
 * and a body in plain words. A request never waits longer than {@code DB_POOL_TIMEOUT} for a connection.
 *
 * <pre>{@code
 * } catch (SQLException e) {
 *     if (Database.isUnavailable(e)) {
 *         return DatabaseUnavailable.response();
 *     }
 *     throw e;
 * }
 * }</pre>
 */
public final class DatabaseUnavailable {
    /** Seconds a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 2;

    static final String MESSAGE = "The database is unavailable right now; try again shortly.";

    private DatabaseUnavailable() {
    }

    /**
     * 503, {@code Retry-After: 2}, and Fetchlet's error body:
     * {@code {"error": "Service Unavailable", "message": "The database is unavailable right now; ..."}}.
     */
    public static Response response() {
        return response(Map.of("error", "Service Unavailable", "message", MESSAGE));
    }

    /** 503 and {@code Retry-After: 2} with a JSON body of the app's own shape. */
    public static Response response(Object jsonBody) {
        return Response.json(jsonBody).status(503).header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    }

    /** See {@link Database#isUnavailable(SQLException)}. */
    static boolean matches(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException        // no connection free within the pool's wait
                    || t instanceof SQLNonTransientConnectionException // refused, lost, server shutting down
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                // SQLSTATE class 08: connection exception, whatever the driver's exception class.
                if (state != null && state.startsWith("08")) {
                    return true;
                }
                if (s.getErrorCode() == 1927 || s.getErrorCode() == 1053) { // MariaDB: connection killed, shutdown
                    return true;
                }
            }
        }
        return false;
    }
}
