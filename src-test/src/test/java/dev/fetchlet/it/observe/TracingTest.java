package dev.fetchlet.it.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachEmbeddedContainer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One server span per request through the OpenTelemetry API, on each embedded container over real sockets: the
 * caller's {@code traceparent} continued or a new trace started, the span named by the route template, the
 * HTTP semantic-convention attributes, ERROR for a 5xx only, for handlers, functions and mounted apps alike.
 */
@OnEachEmbeddedContainer
class TracingTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_ID = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + PARENT_ID + "-01";

    private final ContainerKind kind;
    private Spans spans;
    private ObservedApp app;

    TracingTest(ContainerKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void start() throws Exception {
        spans = new Spans();
        ObservedRoutes.tracer = spans.sdk.getTracer("it.observe");
        app = ObservedApp.start(kind, Map.of(), spans.sdk, ObservedRoutes.User.class, ObservedRoutes.Nothing.class,
                ObservedRoutes.Boom.class, ObservedRoutes.Function.class, ObservedRoutes.Mounted.class,
                ObservedRoutes.CurrentSpan.class, ObservedRoutes.Socket.class);
    }

    @AfterEach
    void stop() throws Exception {
        ObservedRoutes.tracer = null;
        app.close();
        spans.close();
    }

    @Test
    void incomingTraceparentIsContinued() throws Exception {
        HttpResponse<String> r = app.get("/users/7", "traceparent", TRACEPARENT);
        assertEquals(200, r.statusCode());

        SpanData span = spans.await(TracingTest::server);
        assertEquals(TRACE_ID, span.getTraceId());
        assertEquals(PARENT_ID, span.getParentSpanId());
        assertTrue(span.getParentSpanContext().isRemote());
    }

    @Test
    void withoutTraceparentANewTraceStarts() throws Exception {
        app.get("/users/7");

        SpanData span = spans.await(TracingTest::server);
        assertTrue(span.getSpanContext().isValid());
        assertFalse(span.getParentSpanContext().isValid(), "a root span");
        assertFalse(span.getTraceId().equals(TRACE_ID));
    }

    @Test
    void spanIsNamedByTheRouteTemplateAndCarriesTheHttpAttributes() throws Exception {
        app.get("/users/7?x=1", "User-Agent", "observe-test/1.0");

        SpanData span = spans.await(TracingTest::server);
        assertEquals("GET /users/[id]", span.getName());
        assertEquals(SpanKind.SERVER, span.getKind());
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        assertEquals("GET", attr(span, "http.request.method"));
        assertEquals("/users/7", attr(span, "url.path"));
        assertEquals("http", attr(span, "url.scheme"));
        assertEquals("/users/[id]", attr(span, "http.route"));
        assertEquals(200L, span.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertEquals("127.0.0.1", attr(span, "server.address"));
        assertEquals((long) app.uri("/").getPort(), span.getAttributes().get(AttributeKey.longKey("server.port")));
        assertEquals("127.0.0.1", attr(span, "client.address"));
        assertEquals("observe-test/1.0", attr(span, "user_agent.original"));
        assertEquals("1.1", attr(span, "network.protocol.version"));
        assertNull(attr(span, "error.type"));
    }

    @Test
    void handlerSpansAreChildrenOfTheServerSpan() throws Exception {
        app.get("/users/7");

        SpanData server = spans.await(TracingTest::server);
        SpanData child = spans.await(Spans.named("load user"));
        assertEquals(server.getTraceId(), child.getTraceId());
        assertEquals(server.getSpanId(), child.getParentSpanId());
    }

    @Test
    void currentSpanInTheHandlerIsTheRequestsSpan() throws Exception {
        String seen = app.get("/span").body();

        SpanData span = spans.await(Spans.named("GET /span"));
        assertEquals(span.getSpanId(), seen);
    }

    @Test
    void routeAnsweringNothingIs404WithoutError() throws Exception {
        assertEquals(404, app.get("/nothing").statusCode());

        SpanData span = spans.await(Spans.named("GET /nothing"));
        assertEquals(404L, span.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode(), "a 4xx is not a server error");
    }

    @Test
    void pathNoRouteClaimsIsNamedByTheMethodAlone() throws Exception {
        assertEquals(404, app.get("/no/such/path").statusCode());

        SpanData span = spans.await(Spans.named("GET"));
        assertNull(attr(span, "http.route"));
        assertEquals("/no/such/path", attr(span, "url.path"));
        assertEquals(404L, span.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
    }

    @Test
    void handlerFailureIs500WithErrorStatusAndType() throws Exception {
        assertEquals(500, app.get("/boom").statusCode());

        SpanData span = spans.await(Spans.named("GET /boom"));
        assertEquals(500L, span.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals(IllegalStateException.class.getName(), attr(span, "error.type"));
        assertTrue(span.getEvents().stream().anyMatch(e -> e.getName().equals("exception")), "exception recorded");
    }

    @Test
    void functionGetsItsSpan() throws Exception {
        assertEquals("fn", app.post("/fn", "hello").body());

        SpanData span = spans.await(Spans.named("POST /fn"));
        assertEquals("/fn", attr(span, "http.route"));
        assertEquals(200L, span.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
    }

    @Test
    void mountedAppGetsItsSpanAndItsMetricsSeries() throws Exception {
        assertEquals(200, app.get("/mounted/a/b").statusCode());

        SpanData span = spans.await(Spans.named("GET /mounted/[[rest]]"));
        assertEquals("/mounted/a/b", attr(span, "url.path"));
        assertEquals("/mounted/[[rest]]", attr(span, "http.route"));
        assertTrue(app.get("/metrics").body().lines().anyMatch(l -> l.startsWith("faas_invocations_total{")
                && l.contains("route=\"/mounted/[[rest]]\"") && l.contains("status=\"200\"")), "mount counted");
    }

    @Test
    void webSocketUpgradeGetsItsSpanEndingWithThe101() throws Exception {
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("traceparent", TRACEPARENT)
                .buildAsync(URI.create("ws://127.0.0.1:" + app.uri("/").getPort() + "/ws"),
                        new WebSocket.Listener() {
                        })
                .get(10, TimeUnit.SECONDS);
        try {
            SpanData span = spans.await(Spans.named("GET /ws"));
            assertEquals(101L, span.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
            assertEquals(TRACE_ID, span.getTraceId());
            assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
        }
    }

    private static boolean server(SpanData s) {
        return s.getKind() == SpanKind.SERVER && s.getName().equals("GET /users/[id]");
    }

    private static String attr(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }
}
