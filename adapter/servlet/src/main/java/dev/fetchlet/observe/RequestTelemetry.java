package dev.fetchlet.observe;

import dev.fetchlet.AfterResponse;
import dev.fetchlet.dispatch.Origin;
import io.opentelemetry.context.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One request's telemetry, from the dispatcher's first look at it until its response is complete: the server
 * span (current on the request's threads, so handlers' spans are its children), the MDC's {@code trace_id} and
 * {@code span_id}, the access log line and the {@code waitUntil} tasks, released once the response is complete.
 *
 * <pre>{@code
 * RequestTelemetry telemetry = observability.start(req, res);
 * try {
 *     serve(req, telemetry.response());
 * } finally {
 *     telemetry.leave(req, failure);   // ends now, or when the async cycle completes
 * }
 * }</pre>
 */
public final class RequestTelemetry {
    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet");

    private final Observability owner;
    private final ServerSpan span;
    private final HttpServletResponse response;
    private final CountingResponse counting;
    private final Instant time;
    private final long start = System.nanoTime();
    private final String method;
    private final String path;
    private final String userAgent;
    private final Runnable leaveThread;
    private final LogContext logContext;
    private String route;
    private String client;
    private List<AfterResponse> tasks;
    private boolean finished;

    RequestTelemetry(Observability owner, ServerSpan span, HttpServletRequest req, HttpServletResponse res) {
        this.owner = owner;
        this.span = span;
        this.method = req.getMethod();
        this.path = req.getRequestURI();
        boolean accessLog = owner.accessLog();
        this.userAgent = accessLog ? req.getHeader("User-Agent") : null; // only the access log reads these two
        this.client = accessLog ? req.getRemoteAddr() : null;
        // A WebSocket upgrade keeps the container's own response: the upgrade is the container's business.
        this.counting = accessLog && !"websocket".equalsIgnoreCase(req.getHeader("Upgrade")) ? new CountingResponse(res)
                : null;
        this.response = counting != null ? counting : res;
        this.time = owner.accessLog() ? Instant.now() : null;
        // Without a trace, the current context stays as it is: nothing to allocate or attach.
        Context trace = span.span().getSpanContext().isValid() ? Context.current().with(span.span()) : Context.current();
        this.logContext = new LogContext(null, trace, Thread.currentThread().getContextClassLoader());
        this.leaveThread = logContext.enter();
    }

    /** The response the request is served with: the container's, or one counting the bytes written. */
    public HttpServletResponse response() {
        return response;
    }

    /** What a request's work carries to other threads: request id, trace, class loader. */
    public LogContext logContext() {
        return logContext;
    }

    /** A route claimed the request: its template names the span; the origin says who the client is. */
    public void routed(String route, Origin origin) {
        this.client = origin.clientIp();
        logContext.requestId(origin.requestId());
        // The thread entered the log context before the id was known: it joins the MDC now, and leaves with it.
        MDC.put(LogContext.REQUEST_ID, origin.requestId());
        if (route != null) { // null: no route took the path, only middleware stands in front of it
            this.route = route;
            span.routed(route, origin.scheme(), origin.host(), origin.clientIp());
        }
    }

    /** The pipeline answered an exception with 500: the span records it. */
    public void failed(Throwable t) {
        span.failed(t);
    }

    /** Puts the request's log and trace context in force on another thread; the result restores that thread. */
    public Runnable enter() {
        return logContext.enter();
    }

    /** {@code task} running within the request's log and trace context. */
    public Runnable wrap(Runnable task) {
        return logContext.wrap(task);
    }

    /** Registers work to run once the response is complete; at once if it already is. */
    public void waitUntil(AfterResponse task) {
        owner.afterResponseTasks().registered();
        boolean now;
        synchronized (this) {
            now = finished;
            if (!now) {
                if (tasks == null) {
                    tasks = new ArrayList<>(2);
                }
                tasks.add(task);
            }
        }
        if (now) {
            owner.afterResponseTasks().release(List.of(task), logContext, label());
        }
    }

    /**
     * The dispatcher's call has returned (or thrown {@code thrown}): the thread is restored, and the request
     * ends now, or once the response is complete when it is asynchronous or has {@code waitUntil} work waiting.
     */
    public void leave(HttpServletRequest req, Throwable thrown) {
        try {
            if (thrown != null) {
                finish(500);
            } else if (req.isAsyncStarted()) {
                req.getAsyncContext().addListener(new Completion());
            } else if (!(hasTasks() && completeFirst(req))) {
                finish(response.getStatus());
            }
        } finally {
            leaveThread.run();
        }
    }

    private synchronized boolean hasTasks() {
        return tasks != null;
    }

    // A synchronous answer is complete only once the container has finished it, after the dispatcher returns:
    // an async cycle completed at once hands the tasks over at that moment.
    private boolean completeFirst(HttpServletRequest req) {
        if (!req.isAsyncSupported() || response.getStatus() == 101) {
            return false;
        }
        try {
            AsyncContext ac = req.startAsync();
            ac.addListener(new Completion());
            ac.complete();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private void finish(int status) {
        List<AfterResponse> released;
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            released = tasks;
        }
        long nanos = System.nanoTime() - start;
        try {
            span.end(status);
            if (owner.accessLog()) {
                LogContext c = logContext;
                Runnable leave = c.enter();
                try {
                    AccessLog.write(new AccessLog.Entry(time, method, path, route, status,
                            counting == null ? 0 : counting.bytes(), nanos, c.requestId(), c.traceId(), c.spanId(),
                            client, userAgent));
                } finally {
                    leave.run();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Ending the telemetry of {} failed: {}", label(), e.toString());
        }
        if (released != null) {
            owner.afterResponseTasks().release(released, logContext, label());
        }
    }

    private String label() {
        return method + " " + (route != null ? route : path);
    }

    /** Ends the request once its async cycle is over, however it ends. */
    private final class Completion implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            finish(response.getStatus());
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
            event.getAsyncContext().addListener(this);
        }
    }
}
