package dev.fetchlet.bench.plain;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;

/** {@code GET /api/todos/{id}}: one row by primary key, as JSON; 404 when missing, 400 for a bad id, 503 when the database fails. */
final class TodoServlet extends HttpServlet {
    private final TodoTable todos;

    TodoServlet(TodoTable todos) {
        this.todos = todos;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String segment = PathId.of(req);
        long id;
        try {
            id = segment == null ? -1 : Long.parseLong(segment);
        } catch (NumberFormatException e) {
            id = -1;
        }
        if (id < 1) {
            res.sendError(400, "The id must be a positive whole number");
            return;
        }
        TodoTable.Todo todo;
        try {
            todo = todos.get(id);
        } catch (SQLException e) {
            res.sendError(503, "The database is unavailable right now");
            return;
        }
        if (todo == null) {
            res.sendError(404, "There is no todo " + id);
            return;
        }
        byte[] body = EchoServlet.JSON.writeValueAsBytes(todo);
        res.setContentType("application/json");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
