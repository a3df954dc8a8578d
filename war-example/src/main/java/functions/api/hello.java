package functions.api;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;

/** The Quick Start's first function: {@code /api/hello}. */
class Hello implements Handler {
    @Override
    public Response onRequest(Context ctx) {
        return Response.text("Hello from Fetchlet Functions!");
    }
}
