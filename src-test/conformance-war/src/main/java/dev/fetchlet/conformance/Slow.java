package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sleeps {@code ?ms=} milliseconds (as slow I/O would). {@link SlowInterrupts} at
 * {@code /conformance/slow/interrupts} tells how many sleeps were cut short by an interrupt, which is how the
 * wall-time limit stops a handler.
 */
@Route("/conformance/slow")
public class Slow implements Handler {
    static final AtomicInteger INTERRUPTS = new AtomicInteger();

    @Override
    public Response onRequestGet(Context ctx) {
        long ms = Queries.number(ctx, "ms", 1000, 0, 600_000);
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            INTERRUPTS.incrementAndGet();
            Thread.currentThread().interrupt();
            return Response.text("interrupted");
        }
        return Response.text("slept " + ms);
    }
}
