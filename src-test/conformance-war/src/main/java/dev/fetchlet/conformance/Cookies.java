package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/** Two Set-Cookie headers, both of which must reach the client; also echoes a multi-valued request header. */
@Route("/conformance/cookies")
public class Cookies implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        Response r = Response.text(String.join("|", ctx.request().headers().getAll("X-Multi")));
        r.headers().append("Set-Cookie", "a=1; Path=/").append("Set-Cookie", "b=2; Path=/; HttpOnly");
        return r;
    }
}
