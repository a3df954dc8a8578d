package dev.fetchlet.observe;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Objects;
import org.slf4j.MDC;

/**
 * What a request's work carries from thread to thread: the MDC's request id, trace id and span id, the
 * OpenTelemetry context (so a child span finds its parent), and the web app's class loader. {@link #enter()}
 * puts it in force on the current thread and returns what restores the thread as it was.
 *
 * <pre>{@code
 * Runnable leave = logContext.enter();
 * try {
 *     log.info("answered");   // carries requestId, trace_id, span_id
 * } finally {
 *     leave.run();
 * }
 * }</pre>
 */
public final class LogContext {
    /** The logging MDC key holding the request id while the request is served. */
    public static final String REQUEST_ID = "requestId";
    /** The logging MDC key holding the trace id (32 hex digits) while the request is served. */
    public static final String TRACE_ID = "trace_id";
    /** The logging MDC key holding the request's span id (16 hex digits) while the request is served. */
    public static final String SPAN_ID = "span_id";

    private volatile String requestId;
    private final String traceId;
    private final String spanId;
    private final Context trace;
    private final ClassLoader loader;

    LogContext(String requestId, Context trace, ClassLoader loader) {
        this.requestId = requestId;
        this.trace = trace;
        this.loader = loader;
        SpanContext span = Span.fromContext(trace).getSpanContext();
        this.traceId = span.isValid() ? span.getTraceId() : null;
        this.spanId = span.isValid() ? span.getSpanId() : null;
    }

    public String requestId() {
        return requestId;
    }

    /** The trace id, or null when the request has no trace (no SDK and no incoming {@code traceparent}). */
    public String traceId() {
        return traceId;
    }

    /** The span id, or null like {@link #traceId()}. */
    public String spanId() {
        return spanId;
    }

    /** Routing knows the request id; set once, before the context is handed to anything that runs later. */
    void requestId(String id) {
        this.requestId = id;
    }

    /** Puts this context in force on the current thread; the returned action restores what was there. */
    public Runnable enter() {
        String oldRequest = swap(REQUEST_ID, requestId);
        String oldTrace = swap(TRACE_ID, traceId);
        String oldSpan = swap(SPAN_ID, spanId);
        Scope scope = trace.makeCurrent();
        Thread thread = Thread.currentThread();
        ClassLoader oldLoader = thread.getContextClassLoader();
        boolean newLoader = loader != null && loader != oldLoader;
        if (newLoader) {
            thread.setContextClassLoader(loader);
        }
        return () -> {
            if (newLoader) {
                thread.setContextClassLoader(oldLoader);
            }
            scope.close();
            restore(REQUEST_ID, oldRequest);
            restore(TRACE_ID, oldTrace);
            restore(SPAN_ID, oldSpan);
        };
    }

    // Puts value under key and returns what was there; an MDC write costs more than the read that can avoid it.
    private static String swap(String key, String value) {
        String old = MDC.get(key);
        if (!Objects.equals(old, value)) {
            put(key, value);
        }
        return old;
    }

    // Puts back what was there, if that changed since: the request id may have joined the MDC meanwhile
    // (RequestTelemetry.routed).
    private static void restore(String key, String old) {
        if (!Objects.equals(MDC.get(key), old)) {
            put(key, old);
        }
    }

    public Runnable wrap(Runnable task) {
        return () -> {
            Runnable leave = enter();
            try {
                task.run();
            } finally {
                leave.run();
            }
        };
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
