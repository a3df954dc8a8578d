package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import java.util.Map;

/** How many of {@link Slow}'s sleeps an interrupt cut short. */
@Route("/conformance/slow/interrupts")
public class SlowInterrupts implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        return Response.json(Map.of("interrupts", Slow.INTERRUPTS.get()));
    }
}
