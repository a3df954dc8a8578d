package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/** Two dynamic segments in the middle of a path, answered as JSON. */
@Route("/conformance/params/[first]/and/[second]")
public class ParamsEcho implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.json(ctx.params().asMap());
    }
}
