package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/** Its own HEAD and OPTIONS handlers, which win over Fetchlet's defaults. */
@Route("/conformance/explicit")
public class ExplicitHeadOptions implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.text("full body");
    }

    @Override
    public Response onRequestHead(Context ctx) {
        return Response.empty(200).header("X-Head", "own");
    }

    @Override
    public Response onRequestOptions(Context ctx) {
        return Response.empty(200).header("X-Options", "own");
    }
}
