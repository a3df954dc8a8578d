package dev.fetchlet.example.todos;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Creates the example's tables when missing and gives {@code user} a few rows, in SQL that MariaDB, MySQL and
 * H2's MySQL mode all take. Runs at start ({@link SchemaAtStart}) and, until it has succeeded once, before any
 * query: an app deployed while its database was down gets its tables as soon as the database is up. A real
 * project keeps such statements in versioned migrations (Flyway; see docs/databases.md).
 */
public final class Schema {
    private static final String[] TABLES = {
        "CREATE TABLE IF NOT EXISTS todo ("
            + "id BIGINT AUTO_INCREMENT PRIMARY KEY, "
            + "title VARCHAR(" + TodoInput.MAX_TITLE + ") NOT NULL, "
            + "done BOOLEAN NOT NULL DEFAULT FALSE, "
            + "CONSTRAINT todo_title_unique UNIQUE (title))",
        "CREATE TABLE IF NOT EXISTS user ("
            + "id BIGINT AUTO_INCREMENT PRIMARY KEY, "
            + "name VARCHAR(100) NOT NULL, "
            + "email VARCHAR(200) NOT NULL)",
    };
    private static final String SEED_USERS = "INSERT INTO user (name, email) VALUES "
            + "('Ada Lovelace', 'ada@example.com'), ('Grace Hopper', 'grace@example.com'), "
            + "('Edsger Dijkstra', 'edsger@example.com')";

    private static volatile boolean ready;

    private Schema() {
    }

    /** Creates what is missing, once per app; cheap after the first success. */
    public static void ensure(DataSource dataSource) throws SQLException {
        if (ready) {
            return;
        }
        synchronized (Schema.class) {
            if (ready) {
                return;
            }
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                for (String table : TABLES) {
                    s.execute(table);
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM user")) {
                    if (rs.next() && rs.getLong(1) == 0) {
                        s.executeUpdate(SEED_USERS);
                    }
                }
            }
            ready = true;
        }
    }
}
