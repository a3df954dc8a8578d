package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/** A redirect to the Quick Start's hello. */
@Route("/conformance/redirect")
public class Redirect implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.redirect("/api/hello", 307);
    }
}
