package dev.fetchlet.example.todos;

import dev.fetchlet.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code todo} table. Every value reaches the database as a bind parameter; the SQL text is made of
 * constants only. A title is unique (the table's constraint), so a second todo with the same title is a
 * conflict, found by the database itself and not by a check that could race.
 */
public final class Todos {
    private static final String COLUMNS = "SELECT id, title, done FROM todo";

    private final DataSource dataSource;

    private Todos(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The app's todos, with the schema in place. */
    public static Todos open() throws SQLException {
        DataSource ds = Database.dataSource();
        Schema.ensure(ds);
        return new Todos(ds);
    }

    /**
     * Up to {@code limit} todos by id; {@code done} filters when not null, {@code titleContains} matches
     * literally (its {@code %} and {@code _} are not wildcards) when not null.
     */
    public List<Todo> list(Boolean done, String titleContains, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE 1 = 1");
        if (done != null) {
            sql.append(" AND done = ?");
        }
        if (titleContains != null) {
            sql.append(" AND title LIKE ? ESCAPE '!'");
        }
        sql.append(" ORDER BY id LIMIT ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (done != null) {
                q.setBoolean(i++, done);
            }
            if (titleContains != null) {
                q.setString(i++, "%" + titleContains.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            }
            q.setInt(i, limit);
            try (ResultSet rs = q.executeQuery()) {
                List<Todo> todos = new ArrayList<>();
                while (rs.next()) {
                    todos.add(row(rs));
                }
                return todos;
            }
        }
    }

    public Optional<Todo> get(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(COLUMNS + " WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** @throws SQLException with an SQLSTATE of class 23 when the title is taken */
    public Todo create(String title, boolean done) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("INSERT INTO todo (title, done) VALUES (?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            q.setString(1, title);
            q.setBoolean(2, done);
            q.executeUpdate();
            try (ResultSet keys = q.getGeneratedKeys()) {
                keys.next();
                return new Todo(keys.getLong(1), title, done);
            }
        }
    }

    /** Sets the fields that are not null; empty when there is no such todo. */
    public Optional<Todo> update(long id, String title, Boolean done) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "UPDATE todo SET title = COALESCE(?, title), done = COALESCE(?, done) WHERE id = ?")) {
            if (title == null) {
                q.setNull(1, Types.VARCHAR);
            } else {
                q.setString(1, title);
            }
            if (done == null) {
                q.setNull(2, Types.BOOLEAN);
            } else {
                q.setBoolean(2, done);
            }
            q.setLong(3, id);
            if (q.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        return get(id);
    }

    /** Whether there was such a todo. */
    public boolean delete(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("DELETE FROM todo WHERE id = ?")) {
            q.setLong(1, id);
            return q.executeUpdate() > 0;
        }
    }

    private static Todo row(ResultSet rs) throws SQLException {
        return new Todo(rs.getLong("id"), rs.getString("title"), rs.getBoolean("done"));
    }
}
