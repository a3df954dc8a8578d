package dev.fetchlet.example.express;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/**
 * {@code GET /express/health}: a Fetch handler beside the Express-style app at {@code /express/[[default]]}. A
 * static route beats a catch-all, so this file answers here, not the app.
 */
@Route("/express/health")
public class ExpressHealth implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.text("ok: served by a Fetch handler");
    }
}
