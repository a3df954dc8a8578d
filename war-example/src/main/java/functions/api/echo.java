package functions.api;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;

/** {@code POST /api/echo}: answers with the JSON it was sent. Malformed JSON answers 400. */
class Echo implements Handler {
    @Override
    public Response onRequestPost(Context ctx) {
        return Response.json(ctx.request().json());
    }
}
