package functions.api.private_;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import java.util.Map;

/**
 * {@code /api/private/me}: who the caller is. The folder's {@code _middleware.java} lets only requests with the
 * demo token through, so this handler never sees the others.
 */
class Me implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.json(Map.of("user", "demo", "requestId", ctx.requestId()));
    }
}
