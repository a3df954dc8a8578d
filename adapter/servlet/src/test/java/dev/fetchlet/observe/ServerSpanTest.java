package dev.fetchlet.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server span's name, attributes and status, recorded by the SDK's in-memory exporter. */
class ServerSpanTest {
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    @AfterEach
    void close() {
        sdk.close();
    }

    private SpanData run(String method, Map<String, String> headers, String route, int status) {
        ServerSpan span = ServerSpan.start(sdk, sdk.getTracer("test"), FakeRequest.of(method, "/users/7", headers));
        if (route != null) {
            span.routed(route, "https", "Example.com:8443", "203.0.113.5");
        }
        span.end(status);
        return exporter.getFinishedSpanItems().get(0);
    }

    @Test
    void routedSpanTakesTheTemplateAndTheOriginsView() {
        SpanData s = run("GET", Map.of("User-Agent", "ua/1"), "/users/[id]", 200);
        assertEquals("GET /users/[id]", s.getName());
        assertEquals("/users/[id]", s.getAttributes().get(AttributeKey.stringKey("http.route")));
        assertEquals("https", s.getAttributes().get(AttributeKey.stringKey("url.scheme")));
        assertEquals("example.com", s.getAttributes().get(AttributeKey.stringKey("server.address")));
        assertEquals(8443L, s.getAttributes().get(AttributeKey.longKey("server.port")));
        assertEquals("203.0.113.5", s.getAttributes().get(AttributeKey.stringKey("client.address")));
        assertEquals("ua/1", s.getAttributes().get(AttributeKey.stringKey("user_agent.original")));
        assertEquals("1.1", s.getAttributes().get(AttributeKey.stringKey("network.protocol.version")));
        assertFalse(s.getParentSpanContext().isValid());
    }

    @Test
    void unroutedSpanIsNamedByTheMethodWithThePeersView() {
        SpanData s = run("GET", Map.of(), null, 404);
        assertEquals("GET", s.getName());
        assertNull(s.getAttributes().get(AttributeKey.stringKey("http.route")));
        assertEquals("localhost", s.getAttributes().get(AttributeKey.stringKey("server.address")));
        assertEquals("10.0.0.9", s.getAttributes().get(AttributeKey.stringKey("client.address")));
        assertEquals(StatusCode.UNSET, s.getStatus().getStatusCode());
    }

    @Test
    void unknownMethodIsOtherAndKeepsTheOriginal() {
        SpanData s = run("PROPFIND", Map.of(), "/dav", 207);
        assertEquals("HTTP /dav", s.getName());
        assertEquals("_OTHER", s.getAttributes().get(AttributeKey.stringKey("http.request.method")));
        assertEquals("PROPFIND", s.getAttributes().get(AttributeKey.stringKey("http.request.method_original")));
    }

    @Test
    void only5xxIsAnErrorTypedByTheStatusOrTheException() {
        assertEquals(StatusCode.UNSET, run("GET", Map.of(), "/a", 499).getStatus().getStatusCode());
        exporter.reset();
        SpanData s = run("GET", Map.of(), "/a", 503);
        assertEquals(StatusCode.ERROR, s.getStatus().getStatusCode());
        assertEquals("503", s.getAttributes().get(AttributeKey.stringKey("error.type")));
        exporter.reset();

        ServerSpan span = ServerSpan.start(sdk, sdk.getTracer("test"), FakeRequest.of("GET", "/b", Map.of()));
        span.failed(new IllegalStateException("x"));
        span.end(500);
        SpanData failed = exporter.getFinishedSpanItems().get(0);
        assertEquals("java.lang.IllegalStateException", failed.getAttributes().get(AttributeKey.stringKey("error.type")));
        assertEquals("exception", failed.getEvents().get(0).getName());
    }

    @Test
    void traceparentAndTracestateAreContinued() {
        SpanData s = run("GET", Map.of("traceparent", TRACEPARENT, "tracestate", "vendor=abc,other=1"), "/a", 200);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", s.getTraceId());
        assertEquals("00f067aa0ba902b7", s.getParentSpanId());
        assertEquals("abc", s.getSpanContext().getTraceState().get("vendor"));
        assertEquals("1", s.getSpanContext().getTraceState().get("other"));
    }

    @Test
    void withoutAnSdkTheCallersTraceStillShows() {
        OpenTelemetry noop = OpenTelemetry.noop();
        ServerSpan span = ServerSpan.start(noop, noop.getTracer("test"),
                FakeRequest.of("GET", "/a", Map.of("traceparent", TRACEPARENT)));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", span.span().getSpanContext().getTraceId());

        ServerSpan none = ServerSpan.start(noop, noop.getTracer("test"), FakeRequest.of("GET", "/a", Map.of()));
        assertEquals(Span.getInvalid().getSpanContext(), none.span().getSpanContext());
    }
}
