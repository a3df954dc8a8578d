package dev.fetchlet.servlet;

import dev.fetchlet.Context;
import dev.fetchlet.Headers;
import dev.fetchlet.Middleware;
import dev.fetchlet.Next;
import dev.fetchlet.Response;
import dev.fetchlet.observe.RequestTelemetry;
import dev.fetchlet.routing.RouteMatch;
import dev.fetchlet.servlet.middleware.CapturedResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Middleware in front of one request, inside its {@link RequestScope} (so the request id, the MDC and the
 * observers cover it). The outermost middleware is called first; the innermost {@code next.proceed()} runs what
 * the path leads to (the route's target, or the container's static files and 404 when no route matches) against
 * a {@link CapturedResponse}, and hands back its answer as a Fetch {@link Response}:
 * <ul>
 *   <li>a handler's or function's response, not yet written, so a stream (Server-Sent Events) is still to run
 *       and a WebSocket upgrade still to happen when the middleware has seen it;</li>
 *   <li>what a static file, a mounted app or an error reply wrote, held back in memory up to a limit;</li>
 *   <li>what has already gone out when the downstream committed (a large file, a flushed event stream, an
 *       asynchronous mounted app): a view that can no longer change.</li>
 * </ul>
 * The response the outermost middleware returns is then written once.
 *
 * <p>Threading: runs on the container's thread. A handler that answers with a stage not yet complete is waited
 * for here rather than put into async mode, since the middleware is still to see its answer (with the launcher's
 * virtual threads on JDK 21+, the wait costs no platform thread).
 */
final class MiddlewareRun {
    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet");

    /** The most body bytes of a servlet-written answer held back for middleware before it streams. */
    static final int HOLD_LIMIT = 1 << 20;

    /** What a path without a route leads to: the container's static files, and its 404. */
    private static final RouteTarget UNROUTED = new RouteTarget() {
        @Override
        public void serve(RequestScope scope, FilterChain chain) throws IOException, ServletException {
            chain.doFilter(scope.request(), scope.response());
        }

        @Override
        public String source() {
            return "static files";
        }

        @Override
        public String methods() {
            return "*";
        }

        @Override
        public boolean counted() {
            return false;
        }
    };

    private final RequestScope scope;
    private final CapturedResponse captured;
    private final List<Middleware> chain;
    private final boolean head;
    private volatile Response answer;
    private CountDownLatch pending;
    private long backstopMillis;
    private boolean proceeded;
    private boolean downstreamReturned;
    private Response heldView;
    private String failedIn;

    private MiddlewareRun(RequestScope scope, CapturedResponse captured, List<Middleware> chain) {
        this.scope = scope;
        this.captured = captured;
        this.chain = chain;
        this.head = scope.method().equals("HEAD");
    }

    /** Serves a request that {@code middleware} stands in front of; {@code match} is null when no route took it. */
    static void start(HttpServletRequest req, HttpServletResponse res, Headers headers, RouteMatch<RouteTarget> match,
                      Deployment deployment, List<Middleware> middleware, FilterChain chain,
                      RequestTelemetry telemetry) throws IOException, ServletException {
        CapturedResponse captured = new CapturedResponse(res, HOLD_LIMIT);
        RequestScope scope = new RequestScope(req, captured, headers, match, deployment, telemetry);
        if (deployment.middleware().nosniff()) {
            captured.setHeader(RequestScope.NOSNIFF_HEADER, "nosniff");
        }
        scope.throughMiddleware(new MiddlewareRun(scope, captured, middleware));
        scope.run(match == null ? UNROUTED : match.target(), chain);
    }

    /** Runs the chain, then writes the answer the outermost middleware returned. */
    void serve(RouteTarget target, FilterChain filterChain) throws IOException, ServletException {
        Context ctx = scope.context();
        Response result;
        try {
            result = call(0, ctx, target, filterChain);
        } catch (Throwable t) {
            boolean held = captured.capturing();
            captured.release();
            if (!held) {
                LOG.warn("{} failed after the response began: {}", failedIn, t.toString());
                return;
            }
            scope.reset();
            scope.fail(Exchange.unwrap(t), failedIn == null ? "Middleware" : failedIn);
            return;
        }
        boolean held = captured.capturing();
        captured.release();
        if (!held) {
            return; // the downstream's answer is on the wire already; nothing a middleware returns can change it
        }
        if (result == null) { // a middleware's null means what a handler's does
            scope.reset();
            ErrorReply.send(scope.response(), 404, "The requested path does not exist", null);
            return;
        }
        finish(result);
    }

    private Response call(int index, Context ctx, RouteTarget target, FilterChain filterChain) throws Exception {
        if (index == chain.size()) {
            return proceed(target, filterChain);
        }
        Middleware m = chain.get(index);
        try {
            Next next = () -> call(index + 1, ctx, target, filterChain);
            return m.onRequest(ctx, next);
        } catch (Throwable t) {
            if (failedIn == null) {
                failedIn = "Middleware " + m.getClass().getName();
            }
            throw t;
        }
    }

    // The innermost next.proceed(): the target, run once, its answer as a Fetch response.
    private Response proceed(RouteTarget target, FilterChain filterChain) throws Exception {
        if (proceeded) {
            throw new IllegalStateException("next.proceed() was called twice for one request: the handler runs once");
        }
        proceeded = true;
        try {
            target.serve(scope, filterChain);
        } catch (FileNotFoundException e) {
            if (target != UNROUTED || !captured.capturing()) {
                failedIn = target.source();
                throw e;
            }
            // Open Liberty's static file servlet says "no such file" by throwing, for the container to answer 404.
            captured.sendError(404, null);
        } catch (Throwable t) {
            failedIn = target.source();
            throw t;
        }
        awaitPending();
        downstreamReturned = true;
        if (scope.request().isAsyncStarted()) {
            captured.commit(); // an app that went asynchronous itself writes when it will: let it through
        }
        if (!captured.capturing()) {
            return captured.sentView();
        }
        Response fetchAnswer = answer;
        if (fetchAnswer != null) {
            mergeHeld(fetchAnswer.headers());
            return fetchAnswer;
        }
        heldView = captured.toResponse(head);
        return heldView;
    }

    /** Takes a handler's answer for the middleware, while the downstream runs; false once it has returned. */
    boolean takeAnswer(Response response) {
        if (downstreamReturned) {
            return false;
        }
        answer = response;
        return true;
    }

    /** Sends what is held at once, past the middleware: for the timeout's 504, which must not wait. */
    void sendNow() throws IOException {
        captured.commit();
    }

    /** Whether a handler's stage still to complete is waited for here (see the class comment). */
    boolean awaitsAnswer() {
        return !downstreamReturned;
    }

    /** Stands in for async mode: the stage's completion counts down what {@link #proceed} waits on. */
    Exchange.Async pendingAnswer(long backstopMillis) {
        CountDownLatch latch = new CountDownLatch(1);
        pending = latch;
        this.backstopMillis = backstopMillis;
        return latch::countDown;
    }

    private void awaitPending() {
        CountDownLatch latch = pending;
        if (latch == null) {
            return;
        }
        try {
            if (!latch.await(backstopMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("A handler's answer did not arrive within {} ms", backstopMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // Headers the target set on the servlet response before it answered (the request id, a function's CORS)
    // belong to its answer too.
    private void mergeHeld(Headers into) {
        List<String> missing = captured.heldMissingFrom(into);
        for (int i = 0; i < missing.size(); i += 2) {
            into.append(missing.get(i), missing.get(i + 1));
        }
    }

    // Writes the outermost middleware's answer, with the headers every response carries.
    private void finish(Response result) throws IOException, ServletException {
        Headers h = result.headers();
        if (scope.match() != null && !h.has(RequestScope.REQUEST_ID_HEADER)) {
            h.set(RequestScope.REQUEST_ID_HEADER, scope.requestId());
        }
        if (scope.deployment().middleware().nosniff() && !h.has(RequestScope.NOSNIFF_HEADER)
                && result != heldView) {
            h.set(RequestScope.NOSNIFF_HEADER, "nosniff");
        }
        HttpServletResponse res = scope.response();
        try {
            if (result == heldView && captured.errorSent()) {
                // The container renders its own error page (a static file's 404), with the middleware's headers.
                h.forEach(res::addHeader);
                res.sendError(result.status(), captured.errorMessage());
                return;
            }
            // Released by now, the capture only passes calls on: the container's response takes them directly.
            scope.send(result, head, captured.released());
        } catch (Exception e) {
            if (res.isCommitted()) {
                LOG.warn("Response body failed midway: {}", e.toString());
                if (e instanceof IOException io) {
                    throw io;
                }
                throw new ServletException("response body failed midway", e);
            }
            scope.reset();
            scope.fail(Exchange.unwrap(e), "Middleware answer");
        }
    }
}
