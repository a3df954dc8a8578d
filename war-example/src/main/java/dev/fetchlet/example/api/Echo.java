package dev.fetchlet.example.api;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/** {@code POST /api/echo}: answers with the JSON it was sent. Malformed JSON answers 400. */
@Route("/api/echo")
public class Echo implements Handler {
    @Override
    public Response onRequestPost(Context ctx) {
        return Response.json(ctx.request().json());
    }
}
