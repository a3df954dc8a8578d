package dev.fetchlet.it.middleware;

import static dev.fetchlet.it.middleware.MiddlewareCalls.header;
import static dev.fetchlet.it.middleware.MiddlewareCalls.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Deployments;
import dev.fetchlet.it.harness.OnEachContainer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in CORS middleware against the Fetch standard's CORS protocol (section 3.2): what a browser sends
 * for a preflight and for an actual request, and which response headers make it let the page read the answer.
 * {@code /conformance/cors} allows {@code https://app.example} and {@code http://localhost:3000} with
 * credentials; {@code /api} (the example) allows any origin without credentials.
 */
@OnEachContainer
class CorsProtocolTest {
    private final MiddlewareCalls calls;

    CorsProtocolTest(ContainerKind kind) {
        this.calls = new MiddlewareCalls(Deployments.of(kind));
    }

    /**
     * One row: a request, and the CORS response headers it must get ({@code null}: must be absent).
     *
     * @param vary whether {@code Vary} must name {@code Origin}
     */
    record Row(String name, String method, String path, List<String> requestHeaders, int status, String allowOrigin,
               String allowCredentials, String allowMethodsContains, String allowHeaders, String maxAge,
               String exposeHeaders, boolean vary) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> table() {
        String data = "/conformance/cors/data";
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("preflight, allowed origin, credentials: origin echoed, never *", "OPTIONS", data,
                List.of("Origin", "https://app.example", "Access-Control-Request-Method", "PUT",
                        "Access-Control-Request-Headers", "content-type, x-custom"),
                204, "https://app.example", "true", "PUT", "content-type, x-custom", "600", null, true));
        rows.add(new Row("preflight, second allowed origin with a port", "OPTIONS", data,
                List.of("Origin", "http://localhost:3000", "Access-Control-Request-Method", "POST"),
                204, "http://localhost:3000", "true", "POST", null, "600", null, true));
        rows.add(new Row("preflight, other origin: no CORS headers, the browser refuses", "OPTIONS", data,
                List.of("Origin", "https://evil.example", "Access-Control-Request-Method", "PUT"),
                204, null, null, null, null, null, null, true));
        rows.add(new Row("preflight, origin differing only in scheme", "OPTIONS", data,
                List.of("Origin", "http://app.example", "Access-Control-Request-Method", "GET"),
                204, null, null, null, null, null, null, true));
        rows.add(new Row("preflight, opaque origin null", "OPTIONS", data,
                List.of("Origin", "null", "Access-Control-Request-Method", "GET"),
                204, null, null, null, null, null, null, true));
        rows.add(new Row("actual GET, allowed origin: origin, credentials, exposed headers", "GET", data,
                List.of("Origin", "https://app.example"),
                200, "https://app.example", "true", null, null, null, "X-Total", true));
        rows.add(new Row("actual GET, other origin: answered, but not readable", "GET", data,
                List.of("Origin", "https://evil.example"),
                200, null, null, null, null, null, null, true));
        rows.add(new Row("same-origin GET without Origin: no CORS headers, still Vary", "GET", data,
                List.of(), 200, null, null, null, null, null, null, true));
        rows.add(new Row("OPTIONS without a requested method is no preflight: the route's own 204", "OPTIONS", data,
                List.of("Origin", "https://app.example"),
                204, "https://app.example", "true", null, null, null, "X-Total", true));
        rows.add(new Row("actual 405 still readable by an allowed origin", "DELETE", data,
                List.of("Origin", "https://app.example"),
                405, "https://app.example", "true", null, null, null, "X-Total", true));
        rows.add(new Row("any origin, no credentials: * and no Vary on actual responses", "GET", "/api/hello",
                List.of("Origin", "https://anyone.example"),
                200, "*", null, null, null, null, "Functions-Request-Id, Server-Timing", false));
        rows.add(new Row("any origin preflight: *, methods, echoed headers, Vary", "OPTIONS", "/api/hello",
                List.of("Origin", "https://anyone.example", "Access-Control-Request-Method", "DELETE",
                        "Access-Control-Request-Headers", "x-api-key"),
                204, "*", null, "DELETE", "x-api-key", "1800", null, true));
        rows.add(new Row("preflight for a path without a route is answered too", "OPTIONS", "/api/nothing/here/x",
                List.of("Origin", "https://anyone.example", "Access-Control-Request-Method", "GET"),
                204, "*", null, "GET", null, "1800", null, true));
        return rows.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void corsProtocol(Row row) {
        HttpResponse<String> r = calls.send(row.method(), row.path(), null,
                row.requestHeaders().toArray(String[]::new));
        assertEquals(row.status(), r.statusCode(), r.headers().map().toString());
        assertEquals(row.allowOrigin(), header(r, "Access-Control-Allow-Origin"));
        assertEquals(row.allowCredentials(), header(r, "Access-Control-Allow-Credentials"));
        if (row.allowMethodsContains() == null) {
            assertEquals(null, header(r, "Access-Control-Allow-Methods"));
        } else {
            assertTrue(values(r, "Access-Control-Allow-Methods").contains(row.allowMethodsContains()),
                    r.headers().map().toString());
        }
        assertEquals(row.allowHeaders(), header(r, "Access-Control-Allow-Headers"));
        assertEquals(row.maxAge(), header(r, "Access-Control-Max-Age"));
        assertEquals(row.exposeHeaders(), header(r, "Access-Control-Expose-Headers"));
        assertEquals(row.vary(), values(r, "Vary").contains("Origin"), r.headers().map().toString());
        if ("*".equals(header(r, "Access-Control-Allow-Origin"))) {
            assertFalse("true".equals(header(r, "Access-Control-Allow-Credentials")), "credentials never with *");
        }
    }
}
