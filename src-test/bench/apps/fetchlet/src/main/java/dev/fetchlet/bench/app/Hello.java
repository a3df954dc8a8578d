package dev.fetchlet.bench.app;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/** The hello-world benchmark: the smallest useful Fetch handler. */
@Route("/hello")
public class Hello implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.text("Hello, world!");
    }
}
