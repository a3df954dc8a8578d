package dev.fetchlet;

import java.util.List;
import java.util.Objects;

/**
 * Code that runs in front of every request under a folder: handlers, functions, static files, WebSocket
 * upgrades, mounted apps and 404s alike. It calls {@code next.proceed()} to pass the request on and gets the
 * downstream response back, which it may read or change; or it returns a response of its own and the request
 * goes no further.
 *
 * <p>Put it in a file {@code _middleware.java} in a folder of {@code functions/}, or annotate a class with
 * {@link MiddlewarePath}. Outer folders run first; see {@code docs/middleware.md} for the order within a folder.
 *
 * <pre>{@code
 * // functions/api/private/_middleware.java
 * package functions.api.private_;
 *
 * class RequireToken implements Middleware {
 *     public Response onRequest(Context ctx, Next next) throws Exception {
 *         if (!"Bearer demo-token".equals(ctx.request().header("Authorization"))) {
 *             return Response.json(Map.of("error", "Unauthorized")).status(401)
 *                     .header("WWW-Authenticate", "Bearer");
 *         }
 *         Response response = next.proceed();
 *         return response.header("Cache-Control", "private");
 *     }
 * }
 * }</pre>
 *
 * <p>An exception escaping it is answered as one escaping a handler: an {@link HttpException} with its status
 * and message, anything else with 500 and the request id. A middleware instance serves every request
 * concurrently, like a handler: keep no per-request state in its fields.
 */
@FunctionalInterface
public interface Middleware {
    /**
     * Handles one request.
     *
     * @param ctx the request's context, the same one the handler will get
     * @param next passes the request on; call it at most once
     * @return the response to send: the downstream one (changed or not) or one of its own
     */
    Response onRequest(Context ctx, Next next) throws Exception;

    /**
     * One middleware that runs {@code first}, then each of {@code then} in turn, then what comes after: for a
     * {@code _middleware.java} that combines built-in middleware with its own code.
     *
     * <pre>{@code
     * class ApiMiddleware implements Middleware {
     *     private final Middleware all = Middleware.chain(
     *             Cors.builder().origins("https://app.example").build(),
     *             new ServerTiming());
     *
     *     public Response onRequest(Context ctx, Next next) throws Exception {
     *         return all.onRequest(ctx, next);
     *     }
     * }
     * }</pre>
     */
    static Middleware chain(Middleware first, Middleware... then) {
        List<Middleware> all = new java.util.ArrayList<>();
        all.add(Objects.requireNonNull(first, "first"));
        for (Middleware m : then) {
            all.add(Objects.requireNonNull(m, "middleware"));
        }
        List<Middleware> fixed = List.copyOf(all);
        return (ctx, next) -> callFrom(fixed, 0, ctx, next);
    }

    private static Response callFrom(List<Middleware> all, int index, Context ctx, Next next) throws Exception {
        if (index == all.size()) {
            return next.proceed();
        }
        return all.get(index).onRequest(ctx, () -> callFrom(all, index + 1, ctx, next));
    }
}
