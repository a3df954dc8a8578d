package functions.api.todos;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.HttpException;
import dev.fetchlet.Response;
import dev.fetchlet.example.todos.TodoErrors;
import dev.fetchlet.example.todos.TodoId;
import dev.fetchlet.example.todos.TodoInput;
import dev.fetchlet.example.todos.Todos;
import java.sql.SQLException;

/**
 * {@code /api/todos/[id]}: {@code GET} one todo, {@code PUT {"title": ..., "done": ...}} changes the fields
 * given (at least one), {@code DELETE} removes it (204). 404 when there is no such todo, 409 when the new title
 * is another todo's, 400 for an id that is not a positive whole number.
 */
class TodoItem implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        long id = TodoId.parse(ctx.params().get("id"));
        try {
            return Response.json(Todos.open().get(id).orElseThrow(() -> missing(id)));
        } catch (SQLException e) {
            return TodoErrors.answer(e);
        }
    }

    @Override
    public Response onRequestPut(Context ctx) {
        // The body first: answering before it is read can leave the connection to be closed under the client.
        TodoInput input = TodoInput.from(ctx.request());
        long id = TodoId.parse(ctx.params().get("id"));
        if (input.title() == null && input.done() == null) {
            throw HttpException.badRequest("Send \"title\", \"done\" or both");
        }
        try {
            return Response.json(Todos.open().update(id, input.title(), input.done()).orElseThrow(() -> missing(id)));
        } catch (SQLException e) {
            return TodoErrors.answer(e);
        }
    }

    @Override
    public Response onRequestDelete(Context ctx) {
        long id = TodoId.parse(ctx.params().get("id"));
        try {
            if (!Todos.open().delete(id)) {
                throw missing(id);
            }
            return Response.empty(204);
        } catch (SQLException e) {
            return TodoErrors.answer(e);
        }
    }

    private static HttpException missing(long id) {
        return HttpException.notFound("There is no todo " + id);
    }
}
