package functions.api.users;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;

/** {@code /api/users/[id]}: one dynamic segment, e.g. {@code /api/users/1024}. GET only: other methods get 405. */
class User implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.text("User id is " + ctx.params().get("id"));
    }
}
