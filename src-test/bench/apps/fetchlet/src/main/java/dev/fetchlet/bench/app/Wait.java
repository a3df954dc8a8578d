package dev.fetchlet.bench.app;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;

/** The waiting benchmark: blocks its thread for 100 ms, as a call to a slow backend would. */
@Route("/wait")
public class Wait implements Handler {
    @Override
    public Response onRequestGet(Context ctx) throws InterruptedException {
        Thread.sleep(100);
        return Response.text("waited");
    }
}
