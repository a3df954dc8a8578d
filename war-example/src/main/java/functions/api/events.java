package functions.api;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;

/**
 * {@code /api/events?count=N&intervalMs=M}: a Server-Sent Events stream of {@code tick} events, each flushed
 * as it is sent, ending with a {@code done} event.
 */
class Events implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        int count = parse(ctx.request().query("count"), 5);
        long interval = parse(ctx.request().query("intervalMs"), 200);
        return Response.sse(events -> {
            for (int i = 1; i <= count; i++) {
                events.send("tick", String.valueOf(i), String.valueOf(i));
                Thread.sleep(interval);
            }
            events.send("done", "bye");
        });
    }

    private static int parse(String value, int fallback) {
        try {
            return value == null ? fallback : Math.max(0, Math.min(10_000, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
