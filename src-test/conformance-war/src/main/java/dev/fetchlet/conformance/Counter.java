package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts its calls per {@code ?key=}, for any method and any path below {@code /conformance/count/}, without
 * reading the body. {@code GET /conformance/count/peek?key=K} tells the count without adding to it. A test
 * sends a request that must not reach a handler (too large a body, a malformed path, ...) with a fresh key,
 * then peeks: zero means no handler ran.
 */
@Route("/conformance/count/[[what]]")
public class Counter implements Handler {
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @Override
    public Response onRequest(Context ctx) {
        String key = String.valueOf(ctx.request().query("key"));
        AtomicInteger calls = CALLS.computeIfAbsent(key, k -> new AtomicInteger());
        int count = ctx.params().get("what").equals("peek") ? calls.get() : calls.incrementAndGet();
        return Response.json(Map.of("key", key, "calls", count));
    }
}
