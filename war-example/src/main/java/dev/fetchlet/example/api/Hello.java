package dev.fetchlet.example.api;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/** The Quick Start's first function: {@code /api/hello}. */
@Route("/api/hello")
public class Hello implements Handler {
    @Override
    public Response onRequest(Context ctx) {
        return Response.text("Hello from Fetchlet Functions!");
    }
}
