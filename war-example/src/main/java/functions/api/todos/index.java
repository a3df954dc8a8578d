package functions.api.todos;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.HttpException;
import dev.fetchlet.Response;
import dev.fetchlet.example.todos.TodoErrors;
import dev.fetchlet.example.todos.TodoInput;
import dev.fetchlet.example.todos.Todo;
import dev.fetchlet.example.todos.Todos;
import java.sql.SQLException;

/**
 * {@code /api/todos}: {@code GET} lists todos ({@code ?done=true|false}, {@code ?q=} title contains,
 * {@code ?limit=} 1 to 100, default 100); {@code POST {"title": "...", "done": false}} creates one and
 * answers 201 with it and its {@code Location}. A title already taken answers 409.
 */
class TodoList implements Handler {
    private static final int MAX_LIMIT = 100;

    @Override
    public Response onRequestGet(Context ctx) {
        Boolean done = doneFilter(ctx.request().query("done"));
        String q = ctx.request().query("q");
        if (q != null && q.length() > TodoInput.MAX_TITLE) {
            throw HttpException.badRequest("Query parameter 'q' must be at most " + TodoInput.MAX_TITLE
                    + " characters");
        }
        int limit = limit(ctx.request().query("limit"));
        try {
            return Response.json(Todos.open().list(done, q, limit));
        } catch (SQLException e) {
            return TodoErrors.answer(e);
        }
    }

    @Override
    public Response onRequestPost(Context ctx) {
        TodoInput input = TodoInput.from(ctx.request());
        if (input.title() == null) {
            throw HttpException.badRequest("\"title\" is required, e.g. {\"title\": \"Buy milk\"}");
        }
        try {
            Todo todo = Todos.open().create(input.title(), input.done() != null && input.done());
            return Response.json(todo).status(201).header("Location", "/api/todos/" + todo.id());
        } catch (SQLException e) {
            return TodoErrors.answer(e);
        }
    }

    private static Boolean doneFilter(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw HttpException.badRequest("Query parameter 'done' must be true or false");
        };
    }

    private static int limit(String value) {
        if (value == null) {
            return MAX_LIMIT;
        }
        if (value.matches("[1-9][0-9]{0,2}") && Integer.parseInt(value) <= MAX_LIMIT) {
            return Integer.parseInt(value);
        }
        throw HttpException.badRequest("Query parameter 'limit' must be a whole number from 1 to " + MAX_LIMIT);
    }
}
