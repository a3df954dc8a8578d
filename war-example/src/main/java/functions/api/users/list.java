package functions.api.users;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import java.util.List;
import java.util.Map;

/** {@code /api/users/list}: a static segment, so it wins over {@code /api/users/[id]}. */
class UsersList implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.json(List.of(
                Map.of("id", "1024", "name", "Ada"),
                Map.of("id", "2048", "name", "Grace")));
    }
}
