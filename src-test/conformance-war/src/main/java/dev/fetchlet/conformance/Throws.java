package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.HttpException;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/** {@code ?kind=http} throws a 422 meant for the client; anything else throws an internal error. */
@Route("/conformance/throw")
public class Throws implements Handler {
    static final String SECRET = "db-password=hunter2";

    @Override
    public Response onRequestGet(Context ctx) {
        if ("http".equals(ctx.request().query("kind"))) {
            throw new HttpException(422, "quantity must be positive");
        }
        throw new IllegalStateException("internal detail " + SECRET);
    }
}
