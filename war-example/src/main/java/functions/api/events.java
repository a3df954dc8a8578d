package functions.api;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.HttpException;
import dev.fetchlet.Response;

/**
 * {@code /api/events?count=N&intervalMs=M}: a Server-Sent Events stream of {@code tick} events, each flushed
 * as it is sent, ending with a {@code done} event. A count or interval that is not a number from 0 to 10000
 * answers 400.
 */
class Events implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        int count = parse("count", ctx.request().query("count"), 5);
        long interval = parse("intervalMs", ctx.request().query("intervalMs"), 200);
        return Response.sse(events -> {
            for (int i = 1; i <= count; i++) {
                events.send("tick", String.valueOf(i), String.valueOf(i));
                Thread.sleep(interval);
            }
            events.send("done", "bye");
        });
    }

    // A value that is not a number in range is the client's mistake, and a 400 says so.
    private static int parse(String name, String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= 10_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HttpException.badRequest("Query parameter '" + name + "' must be a whole number from 0 to 10000");
    }
}
