package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/** GET, POST and DELETE only: PUT and PATCH answer 405, HEAD runs GET, OPTIONS is answered for it. */
@Route("/conformance/methods")
public class MethodsOnly implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.text("get").header("X-Handler", "get");
    }

    @Override
    public Response onRequestPost(Context ctx) {
        return Response.text("post");
    }

    @Override
    public Response onRequestDelete(Context ctx) {
        return Response.empty(204);
    }
}
