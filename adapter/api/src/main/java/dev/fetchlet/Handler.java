package dev.fetchlet;

/**
 * A route's request handler, with the handler methods of Node Functions. Override the ones the route supports:
 * a method-specific one ({@code onRequestGet}, ...) wins over {@link #onRequest}, which answers every method
 * (GET, POST, PATCH, PUT, DELETE, HEAD, OPTIONS) the class does not handle more specifically.
 *
 * <p>Methods the class does not override are not supported: such a request answers 405 with an {@code Allow}
 * header. HEAD without {@code onRequestHead} runs the GET handler and sends no body; OPTIONS without a handler
 * answers 204 with {@code Allow}. Returning {@code null} answers 404.
 *
 * <p>One instance serves every request of its route, possibly at the same time: keep per-request state in
 * local variables or in the {@link Context}. For asynchronous work implement {@link AsyncHandler} instead.
 *
 * <pre>{@code
 * @Route("/api/hello")
 * public class Hello implements Handler {
 *     @Override
 *     public Response onRequest(Context ctx) {
 *         return Response.text("Hello from Fetchlet!");
 *     }
 * }
 * }</pre>
 *
 * <p>The default bodies are never called by Fetchlet; called directly (say, from a unit test) they throw a 405
 * {@link HttpException}.
 */
public interface Handler {
    default Response onRequest(Context ctx) throws Exception {
        throw MethodNotAllowed.of(ctx);
    }

    default Response onRequestGet(Context ctx) throws Exception {
        throw MethodNotAllowed.of(ctx);
    }

    default Response onRequestPost(Context ctx) throws Exception {
        throw MethodNotAllowed.of(ctx);
    }

    default Response onRequestPatch(Context ctx) throws Exception {
        throw MethodNotAllowed.of(ctx);
    }

    default Response onRequestPut(Context ctx) throws Exception {
        throw MethodNotAllowed.of(ctx);
    }

    default Response onRequestDelete(Context ctx) throws Exception {
        throw MethodNotAllowed.of(ctx);
    }

    default Response onRequestHead(Context ctx) throws Exception {
        throw MethodNotAllowed.of(ctx);
    }

    default Response onRequestOptions(Context ctx) throws Exception {
        throw MethodNotAllowed.of(ctx);
    }
}
