package dev.fetchlet;

/**
 * Work a handler hands to {@link Context#waitUntil(AfterResponse)}: it runs once the response has been sent,
 * so the client does not wait for it (an audit record, a cache warm-up, a webhook call).
 *
 * <pre>{@code
 * public Response onRequestPost(Context ctx) throws IOException {
 *     Order order = ctx.request().json(Order.class);
 *     ctx.waitUntil(() -> mailer.sendConfirmation(order)); // after the 201 is on its way
 *     return Response.json(order).status(201);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface AfterResponse {
    /** Runs the work; an exception is logged with the request id and counted, never sent to the client. */
    void run() throws Exception;
}
