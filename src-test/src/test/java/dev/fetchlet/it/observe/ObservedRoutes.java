package dev.fetchlet.it.observe;

import dev.fetchlet.AsyncHandler;
import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.WebSocketListener;
import dev.fetchlet.function.Body;
import dev.fetchlet.function.FunctionContext;
import dev.fetchlet.function.HttpFunction;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The route classes the observability tests deploy with {@link ObservedApp}. */
final class ObservedRoutes {
    /** The logger the fixtures write to; the tests read its events' MDC. */
    static final Logger LOG = LoggerFactory.getLogger("it.observe");

    /** The tracer a handler makes its child span with; set by the tracing test. */
    static volatile Tracer tracer;

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "it-observe-pool");
        t.setDaemon(true);
        return t;
    });

    private ObservedRoutes() {
    }

    /** Logs, makes a child span when a tracer is set, answers with the id. */
    @Route("/users/[id]")
    public static class User implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            LOG.info("user {}", ctx.params().get("id"));
            Tracer t = tracer;
            if (t != null) {
                t.spanBuilder("load user").startSpan().end(); // parent: the current span, the request's
            }
            return Response.text("user " + ctx.params().get("id"));
        }
    }

    /** Answers on a pool thread of its own, logging there through {@link Context#executor}. */
    @Route("/async/[id]")
    public static class AsyncUser implements AsyncHandler {
        @Override
        public CompletionStage<Response> onRequestGet(Context ctx) {
            return CompletableFuture.supplyAsync(() -> {
                LOG.info("async user {}", ctx.params().get("id"));
                return Response.text("async " + ctx.params().get("id"));
            }, ctx.executor(POOL));
        }
    }

    /** Logs from a virtual thread it starts (JDK 21+; looked up, the suite compiles for 17). */
    @Route("/virtual")
    public static class VirtualThread implements Handler {
        @Override
        public Response onRequestGet(Context ctx) throws Exception {
            AtomicBoolean virtual = new AtomicBoolean();
            Runnable work = ctx.wrap(() -> {
                virtual.set(isVirtual(Thread.currentThread()));
                LOG.info("from a virtual thread");
            });
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Thread thread = (Thread) Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class)
                    .invoke(builder, work);
            thread.join();
            return Response.text("virtual=" + virtual.get());
        }

        private static boolean isVirtual(Thread t) {
            try {
                return (boolean) Thread.class.getMethod("isVirtual").invoke(t);
            } catch (ReflectiveOperationException e) {
                return false;
            }
        }
    }

    /** Answers nothing: 404. */
    @Route("/nothing")
    public static class Nothing implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            return null;
        }
    }

    /** Throws: 500. */
    @Route("/boom")
    public static class Boom implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            throw new IllegalStateException("boom");
        }
    }

    /** A function at a route of its own. */
    @Route("/fn")
    public static class Function implements HttpFunction {
        @Override
        public Object handle(FunctionContext ctx, Body body) {
            LOG.info("function");
            return "fn";
        }
    }

    /** A mounted servlet. */
    @Route("/mounted/[[rest]]")
    public static class Mounted extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
            res.setContentType("text/plain;charset=UTF-8");
            res.getWriter().print("mounted é"); // 10 bytes in UTF-8, through the writer
        }
    }

    /** Streams {@value #STREAMED} bytes in chunks, flushing each. */
    @Route("/stream")
    public static class Stream implements Handler {
        static final int STREAMED = 100_000;

        @Override
        public Response onRequestGet(Context ctx) {
            return Response.stream("application/octet-stream", out -> {
                byte[] chunk = new byte[1000];
                for (int i = 0; i < STREAMED / chunk.length; i++) {
                    out.write(chunk);
                    out.flush();
                }
            });
        }
    }

    /** Hands work to {@code waitUntil} that runs until the test releases it. */
    @Route("/later")
    public static class Later implements Handler {
        static volatile CountDownLatch started = new CountDownLatch(1);
        static volatile CountDownLatch release = new CountDownLatch(1);
        static volatile CountDownLatch done = new CountDownLatch(1);
        static volatile boolean interrupted;

        static void reset() {
            started = new CountDownLatch(1);
            release = new CountDownLatch(1);
            done = new CountDownLatch(1);
            interrupted = false;
        }

        @Override
        public Response onRequestGet(Context ctx) {
            CountDownLatch s = started;
            CountDownLatch r = release;
            CountDownLatch d = done;
            ctx.waitUntil(() -> {
                s.countDown();
                try {
                    if (!r.await(30, TimeUnit.SECONDS)) {
                        return;
                    }
                    LOG.info("later work done");
                    d.countDown();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            });
            return Response.text("answered");
        }
    }

    /** Hands {@code waitUntil} work that throws. */
    @Route("/fails-later")
    public static class FailsLater implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            ctx.waitUntil(() -> {
                throw new IllegalStateException("the task broke");
            });
            return Response.text("answered");
        }
    }

    /** A function handing {@code waitUntil} work through its own context. */
    @Route("/fn-later")
    public static class FunctionLater implements HttpFunction {
        static volatile CountDownLatch done = new CountDownLatch(1);

        @Override
        public Object handle(FunctionContext ctx, Body body) {
            CountDownLatch d = done;
            ctx.waitUntil(d::countDown);
            return "fn";
        }
    }

    /** Upgrades to a WebSocket that stays open until the client closes it. */
    @Route("/ws")
    public static class Socket implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            return Response.webSocket(new WebSocketListener() {
            });
        }
    }

    /** The current span's id, as the handler sees it: the request's span. */
    @Route("/span")
    public static class CurrentSpan implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            return Response.text(Span.current().getSpanContext().getSpanId());
        }
    }
}
