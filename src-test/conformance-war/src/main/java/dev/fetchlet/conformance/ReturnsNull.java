package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/** Returning null means "nothing here": 404 JSON. */
@Route("/conformance/null")
public class ReturnsNull implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return null;
    }
}
