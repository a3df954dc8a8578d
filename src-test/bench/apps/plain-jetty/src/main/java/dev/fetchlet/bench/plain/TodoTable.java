package dev.fetchlet.bench.plain;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The {@code todo} table behind {@code /api/todos/{id}}, on a HikariCP pool of 10 (Fetchlet's default size):
 * {@code DB_URL} when set, else an in-memory H2 in MySQL mode. Creates the table (the example's columns) and
 * one row when they are missing, so that todo 1 exists whichever server reached the database first.
 */
record TodoTable(DataSource dataSource) {
    record Todo(long id, String title, boolean done) {
    }

    static TodoTable open() throws SQLException {
        HikariConfig config = new HikariConfig();
        String url = System.getenv("DB_URL");
        if (url == null) {
            config.setJdbcUrl("jdbc:h2:mem:plain;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=USER,VALUE;DB_CLOSE_DELAY=-1");
            config.setUsername("sa");
        } else {
            config.setJdbcUrl(url);
            config.setUsername(System.getenv("DB_USER"));
            config.setPassword(System.getenv().getOrDefault("DB_PASSWORD", ""));
        }
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(2000);
        TodoTable table = new TodoTable(new HikariDataSource(config));
        table.seed();
        return table;
    }

    private void seed() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS todo (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                    + "title VARCHAR(200) NOT NULL, done BOOLEAN NOT NULL DEFAULT FALSE, "
                    + "CONSTRAINT todo_title_unique UNIQUE (title))");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM todo")) {
                if (rs.next() && rs.getLong(1) == 0) {
                    s.executeUpdate("INSERT INTO todo (title, done) VALUES ('bench', FALSE)");
                }
            }
        }
    }

    /** The todo, or null. */
    Todo get(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT id, title, done FROM todo WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? new Todo(rs.getLong(1), rs.getString(2), rs.getBoolean(3)) : null;
            }
        }
    }
}
