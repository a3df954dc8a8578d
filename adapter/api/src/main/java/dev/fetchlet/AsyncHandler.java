package dev.fetchlet;

import java.util.concurrent.CompletionStage;

/**
 * A {@link Handler} whose methods answer later: each returns a {@link CompletionStage} of the response, so the
 * container thread is free while the work runs elsewhere (an HTTP client call, a database driver's future).
 * The same rules as {@link Handler} apply: override what the route supports, method-specific wins over
 * {@link #onRequest}, a stage completing with {@code null} answers 404, one failing answers as a thrown
 * exception would. The wall-time limit covers the whole wait.
 *
 * <pre>{@code
 * @Route("/api/weather/[city]")
 * public class Weather implements AsyncHandler {
 *     private final HttpClient client = HttpClient.newHttpClient();
 *
 *     @Override
 *     public CompletionStage<Response> onRequestGet(Context ctx) {
 *         HttpRequest upstream = HttpRequest.newBuilder(URI.create("http://127.0.0.1:9000/" + ctx.params().get("city"))).build();
 *         return client.sendAsync(upstream, BodyHandlers.ofString())
 *                 .thenApply(r -> Response.text(r.body()));
 *     }
 * }
 * }</pre>
 */
public interface AsyncHandler {
    default CompletionStage<Response> onRequest(Context ctx) throws Exception {
        throw MethodNotAllowed.of(ctx);
    }

    default CompletionStage<Response> onRequestGet(Context ctx) throws Exception {
        throw MethodNotAllowed.of(ctx);
    }

    default CompletionStage<Response> onRequestPost(Context ctx) throws Exception {
        throw MethodNotAllowed.of(ctx);
    }

    default CompletionStage<Response> onRequestPatch(Context ctx) throws Exception {
        throw MethodNotAllowed.of(ctx);
    }

    default CompletionStage<Response> onRequestPut(Context ctx) throws Exception {
        throw MethodNotAllowed.of(ctx);
    }

    default CompletionStage<Response> onRequestDelete(Context ctx) throws Exception {
        throw MethodNotAllowed.of(ctx);
    }

    default CompletionStage<Response> onRequestHead(Context ctx) throws Exception {
        throw MethodNotAllowed.of(ctx);
    }

    default CompletionStage<Response> onRequestOptions(Context ctx) throws Exception {
        throw MethodNotAllowed.of(ctx);
    }
}
