package dev.fetchlet.bench.app;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/** The body benchmark: reads the whole JSON body and sends it back, as a JSON echo would. */
@Route("/echo")
public class Echo implements Handler {
    @Override
    public Response onRequestPost(Context ctx) {
        return Response.bytes(ctx.request().bytes(), "application/json");
    }
}
