package functions.api;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;

/**
 * The Quick Start's first function: {@code /api/hello} answers {@code Hello from Fetchlet Functions!}, and
 * {@code /api/hello?name=Ada} answers {@code Hello, Ada!}.
 */
class Hello implements Handler {
    @Override
    public Response onRequest(Context ctx) {
        String name = ctx.request().query("name");
        if (name == null || name.isBlank()) {
            return Response.text("Hello from Fetchlet Functions!");
        }
        return Response.text("Hello, " + name + "!");
    }
}
