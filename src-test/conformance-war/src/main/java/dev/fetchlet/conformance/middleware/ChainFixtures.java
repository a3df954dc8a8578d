package dev.fetchlet.conformance.middleware;

import dev.fetchlet.AsyncHandler;
import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.HttpException;
import dev.fetchlet.Middleware;
import dev.fetchlet.MiddlewarePath;
import dev.fetchlet.Next;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two middleware in {@code /conformance/mw} (order 1 and 2) and one in {@code /conformance/mw/deep}, each adding
 * its name to the request header {@code X-Trace} on the way in and to the response header {@code X-Trace-Out} on
 * the way out; query parameters make one stop, throw, call {@code next} twice or replace the answer.
 */
public final class ChainFixtures {
    private ChainFixtures() {
    }

    static Response pass(String name, Context ctx, Next next) throws Exception {
        String q = ctx.request().query(name);
        if ("stop".equals(q)) {
            return Response.text("stopped by " + name).status(418).header("X-Stopped-By", name);
        }
        if ("throw".equals(q)) {
            throw new IllegalStateException("secret detail of " + name);
        }
        if ("status".equals(q)) {
            throw new HttpException(422, name + " refused the request");
        }
        ctx.request().headers().append("X-Trace", name);
        Response r = next.proceed();
        if ("twice".equals(q)) {
            r = next.proceed();
        }
        if ("replace".equals(q)) {
            return Response.text("replaced " + r.status() + " by " + name).status(203);
        }
        r.headers().append("X-Trace-Out", name);
        return r;
    }

    @MiddlewarePath(value = "/conformance/mw", order = 1)
    public static final class Outer implements Middleware {
        @Override
        public Response onRequest(Context ctx, Next next) throws Exception {
            return pass("outer", ctx, next);
        }
    }

    @MiddlewarePath(value = "/conformance/mw/", order = 2)
    public static final class Inner implements Middleware {
        @Override
        public Response onRequest(Context ctx, Next next) throws Exception {
            return pass("inner", ctx, next);
        }
    }

    @MiddlewarePath("/conformance/mw/deep")
    public static final class Deep implements Middleware {
        @Override
        public Response onRequest(Context ctx, Next next) throws Exception {
            return pass("deep", ctx, next);
        }
    }

    /** Echoes the trace the middleware left on the request; counts its calls in {@code X-Calls}. */
    @Route("/conformance/mw/echo")
    public static final class Echo implements Handler {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Override
        public Response onRequestGet(Context ctx) {
            List<String> trace = ctx.request().headers().getAll("X-Trace");
            return Response.text("handler saw " + String.join(",", trace))
                    .header("X-Calls", Integer.toString(CALLS.incrementAndGet()));
        }
    }

    @Route("/conformance/mw/deep/echo")
    public static final class DeepEcho implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            return Response.text("handler saw " + String.join(",", ctx.request().headers().getAll("X-Trace")));
        }
    }

    @Route("/conformance/mw/null")
    public static final class ReturnsNothing implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            return null;
        }
    }

    @Route("/conformance/mw/async")
    public static final class Later implements AsyncHandler {
        @Override
        public CompletionStage<Response> onRequestGet(Context ctx) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Response.text("later");
            });
        }
    }

    @Route("/conformance/mw/sse")
    public static final class Events implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            return Response.sse(events -> {
                for (int i = 1; i <= 3; i++) {
                    events.send("tick", Integer.toString(i));
                    Thread.sleep(150);
                }
            });
        }
    }

    @Route("/conformance/mw/fails")
    public static final class Fails implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            throw new IllegalStateException("handler secret");
        }
    }
}
