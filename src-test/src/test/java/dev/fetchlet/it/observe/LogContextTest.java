package dev.fetchlet.it.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachEmbeddedContainer;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code trace_id}, {@code span_id} and {@code requestId} in the MDC of every log line a request writes: from the
 * handler's thread, from an asynchronous handler's pool thread, from a virtual thread, and from a function.
 */
@OnEachEmbeddedContainer
class LogContextTest {
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-b7ad6b7169203331-01";

    private final ContainerKind kind;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger fixtures = (Logger) LoggerFactory.getLogger(ObservedRoutes.LOG.getName());
    private Spans spans;
    private ObservedApp app;

    LogContextTest(ContainerKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void start() throws Exception {
        log.start();
        fixtures.addAppender(log);
        spans = new Spans();
        app = ObservedApp.start(kind, Map.of(), spans.sdk, ObservedRoutes.User.class, ObservedRoutes.AsyncUser.class,
                ObservedRoutes.VirtualThread.class, ObservedRoutes.Function.class);
    }

    @AfterEach
    void stop() throws Exception {
        fixtures.detachAppender(log);
        app.close();
        spans.close();
    }

    @Test
    void handlerLogLineCarriesTraceSpanAndRequestIds() throws Exception {
        HttpResponse<String> r = app.get("/users/7", "traceparent", TRACEPARENT);

        ILoggingEvent line = line("user 7");
        SpanData span = spans.await(Spans.named("GET /users/[id]"));
        assertEquals(TRACE_ID, line.getMDCPropertyMap().get("trace_id"));
        assertEquals(span.getSpanId(), line.getMDCPropertyMap().get("span_id"));
        assertEquals(r.headers().firstValue("Functions-Request-Id").orElseThrow(),
                line.getMDCPropertyMap().get("requestId"));
    }

    @Test
    void asyncHandlerLogLineOnAPoolThreadCarriesThem() throws Exception {
        HttpResponse<String> r = app.get("/async/3", "traceparent", TRACEPARENT);
        assertEquals("async 3", r.body());

        ILoggingEvent line = line("async user 3");
        SpanData span = spans.await(Spans.named("GET /async/[id]"));
        assertEquals("it-observe-pool", line.getThreadName());
        assertEquals(TRACE_ID, line.getMDCPropertyMap().get("trace_id"));
        assertEquals(span.getSpanId(), line.getMDCPropertyMap().get("span_id"));
        assertEquals(r.headers().firstValue("Functions-Request-Id").orElseThrow(),
                line.getMDCPropertyMap().get("requestId"));
    }

    @Test
    void virtualThreadLogLineCarriesThem() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21+");
        HttpResponse<String> r = app.get("/virtual", "traceparent", TRACEPARENT);
        assertEquals("virtual=true", r.body());

        ILoggingEvent line = line("from a virtual thread");
        SpanData span = spans.await(Spans.named("GET /virtual"));
        assertEquals(TRACE_ID, line.getMDCPropertyMap().get("trace_id"));
        assertEquals(span.getSpanId(), line.getMDCPropertyMap().get("span_id"));
        assertEquals(r.headers().firstValue("Functions-Request-Id").orElseThrow(),
                line.getMDCPropertyMap().get("requestId"));
    }

    @Test
    void functionLogLineCarriesANewTracesIds() throws Exception {
        app.post("/fn", "x");

        ILoggingEvent line = line("function");
        SpanData span = spans.await(Spans.named("POST /fn"));
        assertEquals(span.getTraceId(), line.getMDCPropertyMap().get("trace_id"));
        assertEquals(span.getSpanId(), line.getMDCPropertyMap().get("span_id"));
        assertNotEquals(TRACE_ID, span.getTraceId());
    }

    private ILoggingEvent line(String message) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            synchronized (log) { // the appender appends under its own lock
                for (ILoggingEvent e : log.list) {
                    if (e.getFormattedMessage().equals(message)) {
                        return e;
                    }
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no log line '" + message + "'");
    }
}
