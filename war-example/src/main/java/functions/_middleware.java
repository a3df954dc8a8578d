package functions;

import dev.fetchlet.Context;
import dev.fetchlet.Middleware;
import dev.fetchlet.Next;
import dev.fetchlet.Response;
import dev.fetchlet.middleware.ServerTiming;

/**
 * {@code functions/_middleware.java}: in front of every request of the app (handlers, the mounted Express- and
 * Koa-style apps, static files, 404s), adding a {@code Server-Timing} metric with the time the request took,
 * which a browser's developer tools show.
 */
class Timing implements Middleware {
    private final Middleware timing = new ServerTiming("app");

    @Override
    public Response onRequest(Context ctx, Next next) throws Exception {
        return timing.onRequest(ctx, next);
    }
}
