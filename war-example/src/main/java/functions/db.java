package functions;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.db.Database;
import dev.fetchlet.db.DatabaseUnavailable;
import dev.fetchlet.example.todos.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /db}: the "connect to a MySQL database" template. Answers
 * {@code {"success": true, "data": [...], "error": null}} with up to 100 rows of {@code user}; when the database
 * cannot be reached, 503 with {@code Retry-After} and {@code success: false}; any other failure, 500 and
 * {@code success: false}, the error in plain words. The database is wherever {@code DB_HOST}, {@code DB_URL} or
 * a container DataSource says, else an embedded H2 (see docs/databases.md).
 */
class Db implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(Db.class);

    @Override
    public Response onRequestGet(Context ctx) {
        try {
            Schema.ensure(Database.dataSource());
            try (Connection c = Database.dataSource().getConnection();
                 PreparedStatement q = c.prepareStatement("SELECT * FROM user LIMIT 100");
                 ResultSet rs = q.executeQuery()) {
                return Response.json(reply(true, rows(rs), null));
            }
        } catch (SQLException e) {
            if (Database.isUnavailable(e)) {
                return DatabaseUnavailable.response(reply(false, null, "The database is unavailable right now; "
                        + "try again shortly."));
            }
            LOG.error("GET /db failed", e);
            return Response.json(reply(false, null, "The query failed.")).status(500);
        }
    }

    private static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> reply(boolean success, Object data, String error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", success);
        body.put("data", data);
        body.put("error", error);
        return body;
    }
}
