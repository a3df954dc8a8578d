package dev.fetchlet.servletonly;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/** {@code GET /hello?name=Ada}: {@code Hello, Ada!}; without a name, {@code Hello, world!}. */
@Route("/hello")
public class Hello implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        String name = ctx.request().query("name");
        return Response.text("Hello, " + (name == null || name.isBlank() ? "world" : name) + "!");
    }
}
