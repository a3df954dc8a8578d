package dev.fetchlet.middleware;

import dev.fetchlet.Context;
import dev.fetchlet.Middleware;
import dev.fetchlet.Next;
import dev.fetchlet.Response;

/**
 * Adds a {@code Server-Timing} metric with the time the rest of the chain took, so browsers' developer tools
 * show it: {@code Server-Timing: app;dur=12.3} (milliseconds). A metric already there (a handler's own) is kept,
 * and this one appended. Put it outermost to time the whole request.
 *
 * <pre>{@code
 * Middleware timing = new ServerTiming();          // "app"
 * Middleware named = new ServerTiming("total");
 * }</pre>
 */
public final class ServerTiming implements Middleware {
    /** The header name. */
    public static final String HEADER = "Server-Timing";

    private final String metric;

    /** Times the chain as the metric {@code app}. */
    public ServerTiming() {
        this("app");
    }

    /**
     * @param metric the metric name, an HTTP token such as {@code total} or {@code db}
     */
    public ServerTiming(String metric) {
        if (metric == null || !metric.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw new IllegalArgumentException("A Server-Timing metric name is a token such as 'app', not '"
                    + metric + "'");
        }
        this.metric = metric;
    }

    @Override
    public Response onRequest(Context ctx, Next next) throws Exception {
        long start = System.nanoTime();
        Response response = next.proceed();
        String entry = metric + ";dur=" + millis(System.nanoTime() - start);
        String existing = response.headers().get(HEADER);
        response.headers().set(HEADER, existing == null ? entry : existing + ", " + entry);
        return response;
    }

    // Milliseconds with one decimal, rounded half up: "12.3". By hand: String.format cost more than the rest
    // of the middleware (an eighth of a hello request's CPU time in a profile).
    static String millis(long nanos) {
        long tenths = (Math.max(0, nanos) + 50_000) / 100_000;
        return (tenths / 10) + "." + (tenths % 10);
    }

    @Override
    public String toString() {
        return "ServerTiming[" + metric + "]";
    }
}
