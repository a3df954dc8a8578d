package dev.fetchlet.example;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/** {@code /helloworld}: routes are case-sensitive, so {@code /HelloWorld} does not reach it. */
@Route("/helloworld")
public class HelloWorld implements Handler {
    @Override
    public Response onRequest(Context ctx) {
        return Response.text("Hello, world!");
    }
}
