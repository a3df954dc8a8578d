package dev.fetchlet.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.Context;
import dev.fetchlet.config.FetchletConfig;
import dev.fetchlet.config.Settings;
import dev.fetchlet.observe.RequestTelemetry;
import dev.fetchlet.routing.RouteMatch;
import dev.fetchlet.routing.RouteTable;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The one pipeline every route kind passes through: the request id, the shared replies (405, 413, 500) and the
 * report to the observers by route pattern, whatever the target. The targets here are stand-ins for a route
 * kind; the scope is the real one.
 */
class RequestScopeTest {
    private static final String PATTERN = "/apps/[[rest]]";

    private final FakeExchange http = new FakeExchange();
    private final List<String> observed = new ArrayList<>();
    private Deployment deployment;

    @AfterEach
    void close() {
        if (deployment != null) {
            deployment.close();
        }
    }

    /** Runs {@code target} at {@link #PATTERN} for a request to {@code /apps/x}, as the dispatcher would. */
    private void run(RouteTarget target, Map<String, String> settings) throws Exception {
        ServletContext servletContext = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, m, args) -> null);
        Settings s = new Settings(Map.of(), settings, key -> null);
        Deployment.Builder builder = new Deployment.Builder(Set.of(), servletContext, s, FetchletConfig.load(s), Map.of());
        builder.observe((route, method, status, nanos) -> observed.add(method + " " + route + " " + status));
        builder.route(PATTERN, target, "test");
        deployment = builder.build();
        http.uri = "/apps/x";
        RouteMatch<RouteTarget> match = deployment.routes().match(http.uri);
        RequestTelemetry telemetry = deployment.observability().start(http.request, http.response);
        try {
            new RequestScope(http.request, http.response, ServletRequests.headers(http.request, FetchletConfig.DEFAULT_MAX_HEADER_FIELDS), match, deployment,
                    telemetry).run(match.target(), (req, res) -> { });
        } finally {
            telemetry.leave(http.request, null); // as the filter does
        }
    }

    private void run(RouteTarget target) throws Exception {
        run(target, Map.of());
    }

    /** A route kind reduced to what the test needs. */
    private static RouteTarget target(Serve serve, boolean counted) {
        return new RouteTarget() {
            @Override
            public void serve(RequestScope scope, FilterChain chain) throws IOException, ServletException {
                serve.serve(scope);
            }

            @Override
            public String source() {
                return "test target";
            }

            @Override
            public String methods() {
                return "GET";
            }

            @Override
            public boolean counted() {
                return counted;
            }
        };
    }

    @FunctionalInterface
    private interface Serve {
        void serve(RequestScope scope) throws IOException, ServletException;
    }

    // ---- request id and context ----

    @Test
    void theRequestIdIsInTheHeaderAndTheMdcWhileTheTargetRuns() throws Exception {
        String[] seen = new String[2];
        run(target(scope -> {
            seen[0] = http.responseHeaders.get(RequestScope.REQUEST_ID_HEADER);
            seen[1] = MDC.get(RequestScope.MDC_KEY);
        }, true));
        assertNotNull(seen[0]);
        assertEquals(seen[0], seen[1]);
        assertNull(MDC.get(RequestScope.MDC_KEY), "removed when the request leaves");
    }

    @Test
    void theSharedContextTravelsUnderTheOneAttributeWithTheSameRequestId() throws Exception {
        Context[] built = new Context[1];
        run(target(scope -> built[0] = scope.sharedContext(), true));
        assertSame(built[0], ContextAttribute.of(http.request));
        assertEquals(http.responseHeaders.get(RequestScope.REQUEST_ID_HEADER), built[0].requestId());
        assertEquals(built[0].requestId(), built[0].uuid());
        assertEquals(List.of("x"), built[0].params().list("rest"));
    }

    @Test
    void aContextNobodySharesStaysOffTheRequestAttributes() throws Exception {
        Context[] built = new Context[1];
        run(target(scope -> built[0] = scope.context(), true));
        assertNotNull(built[0]);
        assertNull(ContextAttribute.of(http.request));
    }

    // ---- the shared replies ----

    @Test
    void notAllowedIsOneJsonReplyWithAllowAndTheRequestId() throws Exception {
        http.method = "PUT";
        run(target(scope -> scope.notAllowed("GET, HEAD, OPTIONS"), true));
        assertEquals(405, http.status);
        assertEquals("GET, HEAD, OPTIONS", http.responseHeaders.get("Allow"));
        assertEquals("application/json", http.responseHeaders.get("Content-Type"));
        String id = http.responseHeaders.get(RequestScope.REQUEST_ID_HEADER);
        assertEquals("{\"error\":\"Method Not Allowed\",\"message\":\"PUT is not allowed here; allowed: GET, HEAD, "
                + "OPTIONS\",\"requestId\":\"" + id + "\"}", http.bodyText());
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413BeforeAnythingIsRead() throws Exception {
        http.method = "POST";
        http.requestHeaders.put("Content-Length", "2048");
        boolean[] refused = new boolean[1];
        run(target(scope -> refused[0] = scope.refusedOversized(), true), Map.of("FUNC_BODY_LIMIT", "1KB"));
        assertTrue(refused[0]);
        assertEquals(413, http.status);
        assertEquals("close", http.responseHeaders.get("Connection"));
        assertTrue(http.bodyText().startsWith("{\"error\":\"Payload Too Large\""), http.bodyText());
    }

    @Test
    void aFailureIs500WithTheRequestIdAndNoDetailOutsideDevMode() throws Exception {
        run(target(scope -> scope.fail(new IllegalStateException("secret detail"), "Handler test"), true));
        assertEquals(500, http.status);
        String id = http.responseHeaders.get(RequestScope.REQUEST_ID_HEADER);
        assertEquals("{\"error\":\"Internal Server Error\",\"requestId\":\"" + id + "\"}", http.bodyText());
    }

    @Test
    void inDevModeThe500CarriesTheExceptionAndItsStack() throws Exception {
        run(target(scope -> scope.fail(new IllegalStateException("shown in dev"), "Handler test"), true),
                Map.of("FUNC_DEV", "true"));
        assertEquals(500, http.status);
        assertTrue(http.bodyText().contains("\"exception\":\"java.lang.IllegalStateException: shown in dev\""),
                http.bodyText());
        assertTrue(http.bodyText().contains("\"stack\":"), http.bodyText());
    }

    // ---- the report to the observers (the metrics) ----

    @Test
    void aSynchronousAnswerIsReportedByRoutePatternMethodAndStatus() throws Exception {
        run(target(scope -> scope.response().setStatus(201), true));
        assertEquals(List.of("GET /apps/[[rest]] 201"), observed);
    }

    @Test
    void aReplyTheScopeWroteIsReportedToo() throws Exception {
        http.method = "DELETE";
        run(target(scope -> scope.notAllowed("GET"), true));
        assertEquals(List.of("DELETE /apps/[[rest]] 405"), observed);
    }

    @Test
    void anAsyncAnswerIsReportedOnceWhenItsCycleCompletes() throws Exception {
        run(target(scope -> http.asyncStarted = true, true));
        assertEquals(List.of(), observed, "not before the answer is complete");
        assertEquals(2, http.asyncListeners.size(), "the scope's, then the telemetry's");
        http.status = 200;
        AsyncEvent event = new AsyncEvent(http.request.getAsyncContext());
        http.asyncListeners.get(0).onError(event);
        http.asyncListeners.get(0).onComplete(event);
        http.asyncListeners.get(0).onComplete(event);
        assertEquals(List.of("GET /apps/[[rest]] 200"), observed);
    }

    @Test
    void aTargetThatThrowsIsReportedAs500AndTheExceptionGoesOnToTheContainer() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> run(target(scope -> {
            throw boom;
        }, true))));
        assertEquals(List.of("GET /apps/[[rest]] 500"), observed);
        assertNull(MDC.get(RequestScope.MDC_KEY));
    }

    @Test
    void targetsThatAreNotInvocationsAreNotReported() throws Exception {
        run(target(scope -> scope.response().setStatus(200), false));
        assertEquals(List.of(), observed);
        assertFalse(http.responseHeaders.get(RequestScope.REQUEST_ID_HEADER).isEmpty(), "still given a request id");
    }
}
