package dev.fetchlet.example;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/** {@code /hello-pages}, also reachable as {@code /hello-pages/}. */
@Route("/hello-pages")
public class HelloPages implements Handler {
    @Override
    public Response onRequest(Context ctx) {
        return Response.text("Hello from Fetchlet Pages!");
    }
}
