package dev.fetchlet.servlet;

import dev.fetchlet.Context;
import dev.fetchlet.Headers;
import dev.fetchlet.HttpException;
import dev.fetchlet.Params;
import dev.fetchlet.Response;
import dev.fetchlet.dispatch.Result;
import dev.fetchlet.dispatch.Origin;
import dev.fetchlet.internal.UnreadableBodyException;
import dev.fetchlet.observe.LogContext;
import dev.fetchlet.observe.RequestTelemetry;
import dev.fetchlet.routing.RouteMatch;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One routed request, from the route match until its answer is complete, whatever kind of route serves it
 * (Fetch handler, function, mounted app, WebSocket upgrade, built-in endpoint). A scope, rather than a
 * "context" or "exchange", because it is the span over which the request id, the logging MDC, the limits and
 * the timing are in force; {@link Context} is the user's view of the request and {@link Exchange} one handler
 * call inside it.
 *
 * <p>It is the one place that writes the request-id header, the 405 (with {@code Allow}), 413, 500 (with the
 * request id, and the stack trace in dev mode) and 504 replies, and tells the {@link RequestObserver}s (the
 * metrics) of every answer. A route kind adds only what is its own.
 *
 * <pre>{@code
 * // in a RouteTarget
 * public void serve(RequestScope scope, FilterChain chain) throws IOException, ServletException {
 *     if (!scope.method().equals("GET")) { scope.notAllowed("GET, HEAD, OPTIONS"); return; }
 *     Context ctx = scope.context();
 *     ...
 * }
 * }</pre>
 *
 * <p>Threading: created and run on the container's thread; the replies may be written from the thread that
 * completes an asynchronous answer, one at a time (the {@link Exchange} decides which).
 */
public final class RequestScope {
    /** The response header carrying the request id, on every routed response. */
    public static final String REQUEST_ID_HEADER = "Functions-Request-Id";
    /** The logging MDC key holding the request id while the request is served. */
    public static final String MDC_KEY = LogContext.REQUEST_ID;

    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet");

    /** A handler call: its answer now, or one to come. */
    @FunctionalInterface
    public interface Call {
        Result call() throws Exception;
    }

    /** Writes a (non-null) answer to the servlet response: a Fetch response, a WebSocket upgrade ... */
    @FunctionalInterface
    public interface Writer {
        void write(Response response) throws Exception;
    }

    private final HttpServletRequest req;
    private final HttpServletResponse res;
    private final RouteMatch<RouteTarget> match;
    private final Deployment deployment;
    private final Headers headers;
    private final Origin origin;
    private final RequestTelemetry telemetry;
    private Context context;
    // Set when middleware runs in front of the target: it then receives the target's answer (see write).
    private MiddlewareRun middleware;

    RequestScope(HttpServletRequest req, HttpServletResponse res, Headers headers, RouteMatch<RouteTarget> match,
                 Deployment deployment, RequestTelemetry telemetry) {
        this.req = req;
        this.res = res;
        this.match = match;
        this.deployment = deployment;
        this.headers = headers;
        this.origin = Origin.resolve(req.getRemoteAddr(), headers, req.getScheme(), ServletRequests.host(req, headers),
                deployment.config);
        this.telemetry = telemetry;
        telemetry.routed(match == null ? null : match.pattern(), origin);
    }

    /** Has {@code middleware} run in front of the target; {@link #run} then serves through it. */
    void throughMiddleware(MiddlewareRun middleware) {
        this.middleware = middleware;
    }

    /** Serves the request with {@code target}, then reports the answer to the observers once it is complete. */
    void run(RouteTarget target, FilterChain chain) throws IOException, ServletException {
        long start = System.nanoTime();
        markAnswered();
        KnativeLogContext.FROM_ENVIRONMENT.put(); // the request id is in the MDC already (RequestTelemetry.routed)
        try {
            if (middleware != null) {
                middleware.serve(target, chain);
            } else {
                target.serve(this, chain);
            }
        } catch (IOException | ServletException | RuntimeException | Error e) {
            observe(target, 500, start);
            throw e;
        } finally {
            KnativeLogContext.FROM_ENVIRONMENT.remove();
        }
        whenAnswered(() -> observe(target, res.getStatus(), start));
    }

    /**
     * Runs {@code action} once the answer is complete: now, or, when the request went async, once its async
     * cycle ends, however it ends. Call it after the route has served the request.
     */
    public void whenAnswered(Runnable action) {
        if (req.isAsyncStarted()) {
            req.getAsyncContext().addListener(new CompletionListener(action));
        } else {
            action.run();
        }
    }

    private void observe(RouteTarget target, int status, long start) {
        List<RequestObserver> observers = deployment.observers();
        if (observers.isEmpty() || !target.counted() || match == null) {
            return;
        }
        long nanos = System.nanoTime() - start;
        String method = method();
        for (int i = 0; i < observers.size(); i++) { // an index, not an iterator: no object per request
            observers.get(i).answered(match.pattern(), method, status, nanos);
        }
    }

    public HttpServletRequest request() {
        return req;
    }

    public HttpServletResponse response() {
        return res;
    }

    /** The route the request matched; null for a request only middleware took (a static file, a 404). */
    public RouteMatch<RouteTarget> match() {
        return match;
    }

    public Deployment deployment() {
        return deployment;
    }

    public String requestId() {
        return origin.requestId();
    }

    /** Who sent the request and how: scheme and host as the client addressed them, client address. */
    public Origin origin() {
        return origin;
    }

    /** The request path relative to the web app's context path, still percent-encoded as sent. */
    public String path() {
        return ServletRequests.relativePath(req);
    }

    /** The request method in upper case. */
    public String method() {
        return req.getMethod().toUpperCase(Locale.ROOT);
    }

    /** The request's Fetchlet context, built on first use; the same one for every part that serves the request. */
    public Context context() throws IOException {
        if (context == null) {
            context = Context.builder(ServletRequests.request(req, headers, origin, deployment.config.bodyLimit()))
                    .params(match == null ? Params.empty() : match.params())
                    .sharedEnv(deployment.env)
                    .requestId(origin.requestId())
                    .clientIp(origin.clientIp())
                    .region(deployment.config.region())
                    .geo(origin.geo())
                    .afterResponse(telemetry::waitUntil)
                    .propagation(telemetry::wrap)
                    .build();
        }
        return context;
    }

    /**
     * The context, also put under {@link ContextAttribute} for code that only has the servlet request: a mounted
     * app reads it there. Only what hands the request on does this; a request attribute costs a map entry that
     * a Fetch handler never reads.
     */
    public Context sharedContext() throws IOException {
        Context ctx = context();
        ContextAttribute.put(req, ctx);
        return ctx;
    }

    /**
     * Calls a handler under the wall-time limit and answers with what it returns, now or when its stage
     * completes: {@code writer} for a response, 404 for none, the error replies for a failure, 504 for a
     * timeout. Exactly one of them is written.
     *
     * @param label what runs, for logs: e.g. {@code Handler com.example.Hello}
     */
    public void answer(String label, Writer writer, Call call) throws IOException, ServletException {
        new Exchange(host(), label, writer, deployment.watchdog, deployment.config.timeout().toMillis()).run(call);
    }

    /**
     * Answers with a Fetch response: writes it to the servlet response (the body left out for {@code HEAD}), or
     * performs the WebSocket upgrade it asks for. With middleware in front, the response goes back to the
     * middleware instead, which may change it before it is written.
     */
    public void write(Response response, boolean omitBody) throws Exception {
        if (middleware != null && middleware.takeAnswer(response)) {
            return;
        }
        send(response, omitBody);
    }

    // The wire form of a Fetch answer, with no middleware left to see it.
    void send(Response response, boolean omitBody) throws Exception {
        send(response, omitBody, res);
    }

    // The same, written to "to": the scope's response, or the container's own once a capture is released.
    void send(Response response, boolean omitBody, HttpServletResponse to) throws Exception {
        if (response.status() >= 400) {
            closeIfBodyUnread();
        }
        if (response.webSocketUpgrade() != null) {
            WebSocketReply.send(this, response, match == null ? "middleware" : match.target().source());
        } else {
            ResponseWriter.write(response, to, omitBody);
        }
    }

    /** Answers an {@code OPTIONS} request the route has no handler for: 204 with {@code Allow}. */
    public void allowOptions(String allow) {
        res.setHeader("Allow", allow);
        res.setStatus(204);
    }

    /** The methods of an endpoint that only reads, such as the health checks and the metrics. */
    public static final String READ_ONLY_METHODS = "GET, HEAD, OPTIONS";

    /**
     * For an endpoint that only reads: answers {@code OPTIONS} (204) and any method but {@code GET} and
     * {@code HEAD} (405) itself.
     *
     * @return whether the request is a {@code GET} or {@code HEAD}, left for the endpoint to answer
     */
    public boolean readOnlyRequest() throws IOException {
        String method = method();
        if (method.equals("OPTIONS")) {
            allowOptions(READ_ONLY_METHODS);
            return false;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            notAllowed(READ_ONLY_METHODS);
            return false;
        }
        return true;
    }

    /** The one 405: {@code Allow} and a JSON body naming the allowed methods. */
    public void notAllowed(String allow) throws IOException {
        res.setHeader("Allow", allow);
        error(405, method() + " is not allowed here; allowed: " + allow);
    }

    /**
     * Answers 413 when the declared body is larger than the limit: the declared size alone is enough to know,
     * so nothing is read first.
     *
     * @return true when the request was refused
     */
    public boolean refusedOversized() throws IOException {
        long limit = deployment.config.bodyLimit();
        // From the header copy the dispatcher checked: no second look-up in the container.
        if (MalformedRequests.declaredLength(headers) <= limit) {
            return false;
        }
        res.setHeader("Connection", "close"); // the body stays unread
        error(413, LimitedInputStream.tooLarge(limit).getMessage());
        return true;
    }

    /** A JSON error reply carrying the request id; nothing when the response is already committed. */
    public void error(int status, String message) throws IOException {
        closeIfBodyUnread();
        ErrorReply.send(res, status, message, origin.requestId());
    }

    /**
     * A refusal of a request whose declared body nobody read: the container may close the connection rather
     * than read the rest, so the reply says {@code Connection: close}, and the client does not send its next
     * request on a connection that is about to go.
     */
    private void closeIfBodyUnread() {
        if (res.isCommitted() || MalformedRequests.declaredLength(headers) <= 0
                && headers.first("Transfer-Encoding") == null) {
            return;
        }
        if (context != null && context.request().bodyUsed()) {
            return;
        }
        res.setHeader("Connection", "close");
    }

    /** Clears what the response holds (headers and buffer) but keeps the request id, before an error reply. */
    public void reset() {
        res.reset();
        markAnswered();
        if (deployment.middleware().nosniff()) {
            res.setHeader(NOSNIFF_HEADER, "nosniff");
        }
    }

    // The request-id header says that Fetchlet answered; a path no route takes (a static file, the container's
    // 404) is the container's answer, even with middleware in front, and goes without it.
    private void markAnswered() {
        if (match != null) {
            res.setHeader(REQUEST_ID_HEADER, origin.requestId());
        }
    }

    /** The header that keeps browsers from second-guessing a response's content type ({@code FUNC_NOSNIFF}). */
    static final String NOSNIFF_HEADER = "X-Content-Type-Options";

    /**
     * Answers a failure of {@code source}: an {@link HttpException} with its status and message, anything else
     * with 500, the request id, and in dev mode the exception and its stack trace.
     */
    public void fail(Throwable t, String source) throws IOException {
        if (t instanceof HttpException he) {
            if (he.status() >= 500) {
                LOG.error("{} answered {}", source, he.status(), he);
            } else {
                LOG.debug("{} answered {}: {}", source, he.status(), he.getMessage());
            }
            if (he.status() == 413 || he instanceof UnreadableBodyException) {
                // the rest of the body stays unread (413), or its framing is broken: the connection cannot go on
                res.setHeader("Connection", "close");
            }
            error(he.status(), he.getMessage());
            return;
        }
        LOG.error("{} failed", source, t);
        telemetry.failed(t);
        Map<String, Object> details = null;
        if (deployment.config.devMode()) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            details = Map.of("exception", t.toString(), "stack", trace.toString());
        }
        ErrorReply.send(res, 500, null, origin.requestId(), details);
    }

    /** The 504 of a handler that did not answer within the wall-time limit. */
    void timedOut(String source) throws IOException {
        long ms = deployment.config.timeout().toMillis();
        LOG.warn("{} exceeded the wall-time limit of {} ms", source, ms);
        error(504, "The function did not answer within " + ms + " ms");
        if (middleware != null) {
            middleware.sendNow(); // the handler may not return soon: the client hears of the timeout now
        }
        res.flushBuffer();
    }

    // The part of the scope an Exchange uses, kept off the public surface.
    private Exchange.Host host() {
        return new Exchange.Host() {
            @Override
            public String requestId() {
                return origin.requestId();
            }

            @Override
            public Runnable enter() {
                return telemetry.enter();
            }

            @Override
            public Exchange.Async startAsync(long backstopMillis) {
                if (middleware != null && middleware.awaitsAnswer()) {
                    return middleware.pendingAnswer(backstopMillis);
                }
                AsyncContext ac = req.startAsync();
                ac.setTimeout(backstopMillis);
                return ac::complete;
            }

            @Override
            public boolean committed() {
                return res.isCommitted();
            }

            @Override
            public void reset() {
                RequestScope.this.reset();
            }

            @Override
            public void notFound() throws IOException {
                ErrorReply.send(res, 404, "The requested path does not exist", null);
            }

            @Override
            public void fail(Throwable t, String source) throws IOException {
                RequestScope.this.fail(t, source);
            }

            @Override
            public void timedOut(String source) throws IOException {
                RequestScope.this.timedOut(source);
            }
        };
    }

    /** Runs an action once the async cycle ends, however it ends. */
    private static final class CompletionListener implements AsyncListener {
        private final Runnable action;
        private boolean done;

        CompletionListener(Runnable action) {
            this.action = action;
        }

        private synchronized void once() {
            if (!done) {
                done = true;
                action.run();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            once();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
