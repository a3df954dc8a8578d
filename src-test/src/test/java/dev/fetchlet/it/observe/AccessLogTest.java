package dev.fetchlet.it.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachEmbeddedContainer;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The access log on each embedded container: off by default; with {@code FUNC_ACCESS_LOG=json}, one JSON line
 * per request on {@code dev.fetchlet.access}, every field checked, the bytes counted as written (streamed and
 * through a mounted app's writer), unrouted requests included.
 */
@OnEachEmbeddedContainer
class AccessLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
    private static final Class<?>[] ROUTES = {ObservedRoutes.User.class, ObservedRoutes.Stream.class,
            ObservedRoutes.Mounted.class, ObservedRoutes.Boom.class};

    private final ContainerKind kind;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger access = (Logger) LoggerFactory.getLogger("dev.fetchlet.access");

    AccessLogTest(ContainerKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void watch() {
        log.start();
        access.addAppender(log);
    }

    @AfterEach
    void unwatch() {
        access.detachAppender(log);
    }

    @Test
    void offByDefault() throws Exception {
        try (ObservedApp app = ObservedApp.start(kind, Map.of(), null, ROUTES)) {
            assertEquals(200, app.get("/users/7").statusCode());
            assertEquals(404, app.get("/no/such").statusCode());
        }
        assertEquals(List.of(), lines());
    }

    @Test
    void oneJsonLinePerRequestWithEveryField() throws Exception {
        try (Spans spans = new Spans();
             ObservedApp app = ObservedApp.start(kind, Map.of("FUNC_ACCESS_LOG", "json"), spans.sdk, ROUTES)) {
            Instant before = Instant.now();
            HttpResponse<String> r = app.get("/users/7?q=1", "traceparent", TRACEPARENT, "User-Agent", "observe/2");
            JsonNode line = awaitLine("/users/7");
            Instant after = Instant.now();
            SpanData span = spans.await(Spans.named("GET /users/[id]"));

            assertEquals(List.of("time", "method", "path", "route", "status", "bytes", "durationMs", "requestId",
                    "traceId", "spanId", "client", "userAgent"), names(line));
            Instant time = Instant.parse(line.get("time").asText());
            assertTrue(!time.isBefore(before.minusMillis(1)) && !time.isAfter(after), time.toString());
            assertTrue(line.get("time").asText().endsWith("Z"), "UTC");
            assertEquals("GET", line.get("method").asText());
            assertEquals("/users/7", line.get("path").asText());
            assertEquals("/users/[id]", line.get("route").asText());
            assertEquals(200, line.get("status").asInt());
            assertEquals(r.body().getBytes(StandardCharsets.UTF_8).length, line.get("bytes").asLong());
            assertTrue(line.get("durationMs").isFloatingPointNumber() || line.get("durationMs").isNumber());
            assertTrue(line.get("durationMs").asDouble() > 0, line.toString());
            assertEquals(r.headers().firstValue("Functions-Request-Id").orElseThrow(), line.get("requestId").asText());
            assertEquals(TRACE_ID, line.get("traceId").asText());
            assertEquals(span.getSpanId(), line.get("spanId").asText());
            assertEquals("127.0.0.1", line.get("client").asText());
            assertEquals("observe/2", line.get("userAgent").asText());
        }
    }

    @Test
    void bytesAreCountedAsWrittenStreamedOrThroughAWriter() throws Exception {
        try (ObservedApp app = ObservedApp.start(kind, Map.of("FUNC_ACCESS_LOG", "json"), null, ROUTES)) {
            HttpResponse<String> streamed = app.get("/stream");
            assertEquals(ObservedRoutes.Stream.STREAMED, streamed.body().length());
            assertEquals(ObservedRoutes.Stream.STREAMED, awaitLine("/stream").get("bytes").asLong());

            HttpResponse<String> mounted = app.get("/mounted/x");
            assertEquals("mounted é", mounted.body());
            JsonNode line = awaitLine("/mounted/x");
            assertEquals(10, line.get("bytes").asLong());
            assertEquals("/mounted/[[rest]]", line.get("route").asText());
        }
    }

    @Test
    void unroutedAndFailedRequestsAreLoggedToo() throws Exception {
        try (ObservedApp app = ObservedApp.start(kind, Map.of("FUNC_ACCESS_LOG", "json"), null, ROUTES)) {
            assertEquals(404, app.get("/no/such").statusCode());
            JsonNode missing = awaitLine("/no/such");
            assertEquals(404, missing.get("status").asInt());
            assertTrue(missing.get("route").isNull(), missing.toString());
            assertTrue(missing.get("requestId").isNull(), "no route, no request id: " + missing);
            assertTrue(missing.get("traceId").isNull(), "no SDK and no traceparent: " + missing);

            HttpResponse<String> failed = app.get("/boom");
            JsonNode boom = awaitLine("/boom");
            assertEquals(500, boom.get("status").asInt());
            assertEquals(failed.body().getBytes(StandardCharsets.UTF_8).length, boom.get("bytes").asLong());
        }
    }

    @Test
    void withoutAnSdkTheCallersTraceIdIsStillLogged() throws Exception {
        try (ObservedApp app = ObservedApp.start(kind, Map.of("FUNC_ACCESS_LOG", "json"), null, ROUTES)) {
            app.get("/users/1", "traceparent", TRACEPARENT);
            assertEquals(TRACE_ID, awaitLine("/users/1").get("traceId").asText());
        }
    }

    private List<String> lines() {
        synchronized (log) {
            return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    private JsonNode awaitLine(String path) throws Exception {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            List<JsonNode> found = new ArrayList<>();
            for (String text : lines()) {
                assertTrue(!text.contains("\n"), "one line: " + text);
                JsonNode node = JSON.readTree(text);
                if (node.get("path").asText().equals(path)) {
                    found.add(node);
                }
            }
            if (found.size() > 1) {
                throw new AssertionError("more than one line for " + path + ": " + found);
            }
            if (found.size() == 1) {
                return found.get(0);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no access log line for " + path + "; lines: " + lines());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
