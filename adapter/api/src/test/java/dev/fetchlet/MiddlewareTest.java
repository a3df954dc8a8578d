package dev.fetchlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Middleware#chain}: the order of composed middleware, a short-circuit, and a changed answer. */
class MiddlewareTest {
    private final List<String> trace = new ArrayList<>();
    private final Context ctx = Context.builder(Request.builder("GET", "http://localhost/api/x").build()).build();

    private Middleware named(String name) {
        return (c, next) -> {
            trace.add(name + " in");
            Response r = next.proceed();
            trace.add(name + " out");
            return r.header("X-" + name, "seen");
        };
    }

    private Next handler() {
        return () -> {
            trace.add("handler");
            return Response.text("ok");
        };
    }

    @Test
    void theFirstRunsOutermost() throws Exception {
        Response r = Middleware.chain(named("a"), named("b"), named("c")).onRequest(ctx, handler());
        assertEquals(List.of("a in", "b in", "c in", "handler", "c out", "b out", "a out"), trace);
        assertEquals("seen", r.headers().get("X-a"));
        assertEquals("ok", r.bodyText());
    }

    @Test
    void anAnswerOfItsOwnEndsTheChain() throws Exception {
        Middleware stop = (c, next) -> Response.empty(401);
        Response r = Middleware.chain(named("a"), stop, named("c")).onRequest(ctx, handler());
        assertEquals(401, r.status());
        assertEquals(List.of("a in", "a out"), trace);
    }

    @Test
    void aChainOfOneIsThatMiddleware() throws Exception {
        Response r = Middleware.chain(named("only")).onRequest(ctx, handler());
        assertEquals(List.of("only in", "handler", "only out"), trace);
        assertEquals("seen", r.headers().get("X-only"));
    }

    @Test
    void noMiddlewareMayBeNull() {
        assertThrows(NullPointerException.class, () -> Middleware.chain(named("a"), (Middleware) null));
    }
}
