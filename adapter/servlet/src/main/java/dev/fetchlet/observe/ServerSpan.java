package dev.fetchlet.observe;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;

/**
 * The server span of one request, with the stable HTTP semantic conventions: named {@code METHOD route} once
 * the route is known ({@code GET /api/users/[id]}), just {@code METHOD} for a request no route claimed; status
 * ERROR for a 5xx answer only (a 4xx is the client's error, not the server's).
 */
final class ServerSpan {
    static final String SCOPE_NAME = "dev.fetchlet";

    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> METHOD_ORIGINAL = AttributeKey.stringKey("http.request.method_original");
    static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> SCHEME = AttributeKey.stringKey("url.scheme");
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");
    static final AttributeKey<String> USER_AGENT = AttributeKey.stringKey("user_agent.original");
    static final AttributeKey<String> PROTOCOL_VERSION = AttributeKey.stringKey("network.protocol.version");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    // The methods the conventions name; any other is reported as _OTHER, so the attribute stays bounded.
    private static final Set<String> KNOWN_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    private static final TextMapGetter<HttpServletRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServletRequest carrier) {
            return Collections.list(carrier.getHeaderNames());
        }

        @Override
        public String get(HttpServletRequest carrier, String key) {
            return carrier == null ? null : carrier.getHeader(key);
        }
    };

    private final Span span;
    private final String method;
    private boolean errorTyped;

    private ServerSpan(Span span, String method) {
        this.span = span;
        this.method = method;
    }

    /**
     * Continues the caller's trace (the deployment's propagators, else W3C {@code traceparent}) or starts one,
     * and opens the span.
     */
    static ServerSpan start(OpenTelemetry otel, Tracer tracer, HttpServletRequest req) {
        String raw = req.getMethod();
        String method = KNOWN_METHODS.contains(raw) ? raw : "_OTHER";
        if (otel.getTracerProvider() == TracerProvider.noop()) {
            // Nothing records: no span to build, no attributes to gather. The caller's trace, if any, is what the
            // no-op tracer would return too, and its trace id still belongs in the logs.
            Span caller = req.getHeader("traceparent") == null ? Span.getInvalid()
                    : Span.fromContext(W3CTraceContextPropagator.getInstance().extract(Context.root(), req, HEADERS));
            return new ServerSpan(caller, method);
        }
        Context parent = otel.getPropagators().getTextMapPropagator().extract(Context.root(), req, HEADERS);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            // A deployment's own propagators may leave out W3C: the caller's traceparent still counts.
            parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), req, HEADERS);
        }
        // Attributes go in as one set (Attributes.put), which also keeps the span API's attribute calls apart
        // from the servlet API's in a search of the code.
        AttributesBuilder attributes = Attributes.builder()
                .put(METHOD, method)
                .put(PATH, req.getRequestURI())
                .put(SCHEME, req.getScheme())
                .put(SERVER_ADDRESS, req.getServerName())
                .put(SERVER_PORT, (long) req.getServerPort())
                .put(CLIENT_ADDRESS, req.getRemoteAddr());
        if (!method.equals(raw)) {
            attributes.put(METHOD_ORIGINAL, raw);
        }
        String agent = req.getHeader("User-Agent");
        if (agent != null) {
            attributes.put(USER_AGENT, agent);
        }
        String version = protocolVersion(req.getProtocol());
        if (version != null) {
            attributes.put(PROTOCOL_VERSION, version);
        }
        var builder = tracer.spanBuilder(method.equals("_OTHER") ? "HTTP" : method)
                .setSpanKind(SpanKind.SERVER)
                .setParent(parent)
                .setAllAttributes(attributes.build());
        return new ServerSpan(builder.startSpan(), method);
    }

    Span span() {
        return span;
    }

    /** The route template is known: it names the span. The origin's view (trusted proxies) replaces the peer's. */
    void routed(String route, String scheme, String host, String client) {
        if (!span.isRecording()) {
            return;
        }
        span.updateName((method.equals("_OTHER") ? "HTTP" : method) + " " + route);
        span.setAllAttributes(Attributes.of(ROUTE, route, SCHEME, scheme, CLIENT_ADDRESS, client));
        setServer(host, scheme);
    }

    /** An exception the pipeline answered with 500: recorded on the span, its class is the error type. */
    void failed(Throwable t) {
        if (!span.isRecording()) {
            return;
        }
        span.recordException(t);
        span.setAllAttributes(Attributes.of(ERROR_TYPE, t.getClass().getName()));
        errorTyped = true;
    }

    void end(int status) {
        if (!span.isRecording()) {
            return; // a no-op or sampled-out span: ending it does nothing
        }
        span.setAllAttributes(Attributes.of(STATUS, (long) status));
        if (status >= 500) {
            if (!errorTyped) {
                span.setAllAttributes(Attributes.of(ERROR_TYPE, Integer.toString(status)));
            }
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    // "host", "host:port", "[::1]:port"
    private void setServer(String host, String scheme) {
        if (host == null || host.isEmpty()) {
            return;
        }
        int colon = host.lastIndexOf(':');
        int bracket = host.lastIndexOf(']');
        String name = host;
        long port = "https".equals(scheme) ? 443 : 80;
        if (colon > bracket) {
            name = host.substring(0, colon);
            try {
                port = Long.parseLong(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                return; // a Host header the container let through but that names no port: keep the server's view
            }
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        span.setAllAttributes(Attributes.of(SERVER_ADDRESS, name.toLowerCase(Locale.ROOT), SERVER_PORT, port));
    }

    // "HTTP/1.1" -> "1.1", "HTTP/2.0" -> "2" (the conventions' spelling)
    private static String protocolVersion(String protocol) {
        if (protocol == null || !protocol.startsWith("HTTP/")) {
            return null;
        }
        String v = protocol.substring(5);
        return v.endsWith(".0") && !v.equals("1.0") ? v.substring(0, v.length() - 2) : v;
    }
}
