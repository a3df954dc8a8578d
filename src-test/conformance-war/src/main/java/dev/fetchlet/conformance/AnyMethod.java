package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/** onRequest answers every method except POST, which its own handler wins. */
@Route("/conformance/any")
public class AnyMethod implements Handler {
    @Override
    public Response onRequest(Context ctx) {
        return Response.text("any:" + ctx.request().method());
    }

    @Override
    public Response onRequestPost(Context ctx) {
        return Response.text("post-specific");
    }
}
