package dev.fetchlet.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Entering a request's context sets the MDC and the current span, and leaving restores the thread as it was. */
class LogContextTest {
    private final SpanContext spanContext = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736",
            "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
    private final LogContext request = new LogContext("req-9", Context.root().with(Span.wrap(spanContext)), null);

    @Test
    void enterPutsTheIdsAndTheSpanAndLeaveRestores() {
        MDC.put("requestId", "outer");
        try {
            Runnable leave = request.enter();
            assertEquals("req-9", MDC.get("requestId"));
            assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", MDC.get("trace_id"));
            assertEquals("00f067aa0ba902b7", MDC.get("span_id"));
            assertEquals(spanContext, Span.current().getSpanContext());
            leave.run();
            assertEquals("outer", MDC.get("requestId"));
            assertNull(MDC.get("trace_id"));
            assertEquals(Span.getInvalid(), Span.current());
        } finally {
            MDC.clear();
        }
    }

    @Test
    void wrappedTaskRunsInTheContextOnAnotherThread() throws Exception {
        String[] seen = new String[2];
        Thread t = new Thread(request.wrap(() -> {
            seen[0] = MDC.get("requestId");
            seen[1] = Span.current().getSpanContext().getSpanId();
        }));
        t.start();
        t.join();
        assertEquals("req-9", seen[0]);
        assertEquals("00f067aa0ba902b7", seen[1]);
    }

    @Test
    void noTraceMeansNoTraceKeys() {
        Runnable leave = new LogContext("r", Context.root(), null).enter();
        try {
            assertNull(MDC.get("trace_id"));
            assertNull(MDC.get("span_id"));
            assertEquals("r", MDC.get("requestId"));
        } finally {
            leave.run();
        }
    }
}
