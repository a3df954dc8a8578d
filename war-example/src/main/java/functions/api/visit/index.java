package functions.api.visit;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** {@code api/visit/index.java} serves the folder {@code /api/visit}: a visit counter. */
class Visit implements Handler {
    private final AtomicLong visits = new AtomicLong();

    @Override
    public Response onRequestGet(Context ctx) {
        return Response.json(Map.of("visits", visits.incrementAndGet()));
    }
}
