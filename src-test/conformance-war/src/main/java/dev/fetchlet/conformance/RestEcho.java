package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import java.util.Map;

/** A catch-all whose segments come back as a list and joined. */
@Route("/conformance/rest/[[segments]]")
public class RestEcho implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.json(Map.of("list", ctx.params().list("segments"), "joined", ctx.params().get("segments")));
    }
}
