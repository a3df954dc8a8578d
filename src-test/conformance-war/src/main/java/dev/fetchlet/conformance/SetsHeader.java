package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/** Copies {@code ?value=} into a response header: a CR or LF in it must fail the call, not inject a header. */
@Route("/conformance/header")
public class SetsHeader implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.text("ok").header("X-Echo", ctx.request().query("value"));
    }
}
