package dev.fetchlet.example.todos;

import dev.fetchlet.HttpException;
import dev.fetchlet.Response;
import dev.fetchlet.db.Database;
import dev.fetchlet.db.DatabaseUnavailable;
import java.sql.SQLException;

/**
 * What a failed statement means to the client: 503 with {@code Retry-After} when the database cannot be
 * reached (pool exhausted, server down), 409 when the title is taken, else a plain 500 that shows no SQL.
 */
public final class TodoErrors {
    private TodoErrors() {
    }

    /** The answer for {@code e}; throws the 409 and 500 cases, which Fetchlet answers as JSON errors. */
    public static Response answer(SQLException e) {
        if (Database.isUnavailable(e)) {
            return DatabaseUnavailable.response();
        }
        String state = e.getSQLState();
        if (state != null && state.startsWith("23")) { // integrity constraint: the one unique key is the title
            throw new HttpException(409, "A todo with this title already exists");
        }
        throw new IllegalStateException("The todo statement failed", e); // logged with its cause, answered 500
    }
}
