package functions.api;

import dev.fetchlet.Context;
import dev.fetchlet.Middleware;
import dev.fetchlet.Next;
import dev.fetchlet.Response;
import dev.fetchlet.middleware.Cors;

/**
 * {@code functions/api/_middleware.java}: CORS for every route under {@code /api}, so a page on another origin
 * can call the API. Preflights are answered here with 204; other responses get
 * {@code Access-Control-Allow-Origin}. A real app would name its origins instead of allowing any.
 */
class ApiCors implements Middleware {
    private final Middleware cors = Cors.builder()
            .origins("*")
            .methods("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
            .exposeHeaders("Functions-Request-Id", "Server-Timing")
            .build();

    @Override
    public Response onRequest(Context ctx, Next next) throws Exception {
        return cors.onRequest(ctx, next);
    }
}
