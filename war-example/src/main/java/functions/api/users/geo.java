package functions.api.users;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import java.util.Map;

/** {@code /api/users/geo}: where the client is, as far as a trusted proxy says; never guessed. */
class UsersGeo implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.json(Map.of("clientIp", ctx.clientIp(), "geo", ctx.geo()));
    }
}
