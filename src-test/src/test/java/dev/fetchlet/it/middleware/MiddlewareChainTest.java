package dev.fetchlet.it.middleware;

import static dev.fetchlet.it.middleware.MiddlewareCalls.header;
import static dev.fetchlet.it.middleware.MiddlewareCalls.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Deployments;
import dev.fetchlet.it.harness.OnEachContainer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The middleware chain on each container, through the fixtures under {@code /conformance/mw}: two middleware
 * in that folder (order 1 "outer", order 2 "inner") and one in {@code /conformance/mw/deep}. Each adds its name
 * to the request header {@code X-Trace} on the way in and to {@code X-Trace-Out} on the way out.
 */
@OnEachContainer
class MiddlewareChainTest {
    private final MiddlewareCalls calls;

    MiddlewareChainTest(ContainerKind kind) {
        this.calls = new MiddlewareCalls(Deployments.of(kind));
    }

    @Test
    void outerFoldersRunFirstAndSeeTheResponseLast() {
        HttpResponse<String> r = calls.get("/conformance/mw/deep/echo");
        assertEquals(200, r.statusCode());
        assertEquals("handler saw outer,inner,deep", r.body());
        assertEquals(List.of("deep", "inner", "outer"), values(r, "X-Trace-Out"));
    }

    @Test
    void withinAFolderTheOrderAttributeDecides() {
        HttpResponse<String> r = calls.get("/conformance/mw/echo");
        assertEquals("handler saw outer,inner", r.body());
        assertEquals(List.of("inner", "outer"), values(r, "X-Trace-Out"));
    }

    @Test
    void aMiddlewareThatAnswersItselfEndsTheChain() {
        HttpResponse<String> r = calls.get("/conformance/mw/deep/echo?inner=stop");
        assertEquals(418, r.statusCode());
        assertEquals("stopped by inner", r.body());
        assertNull(header(r, "X-Calls"), "the handler did not run");
        assertEquals(List.of("outer"), values(r, "X-Trace-Out"), "outer still sees the answer; deep never ran");

        HttpResponse<String> outer = calls.get("/conformance/mw/echo?outer=stop");
        assertEquals(418, outer.statusCode());
        assertEquals(List.of(), values(outer, "X-Trace-Out"));
        assertNotNull(header(outer, "Functions-Request-Id"), "a middleware's own answer carries the request id");
    }

    @Test
    void aMiddlewareMayReplaceTheDownstreamResponse() {
        HttpResponse<String> r = calls.get("/conformance/mw/echo?outer=replace");
        assertEquals(203, r.statusCode());
        assertEquals("replaced 200 by outer", r.body());
    }

    @Test
    void anExceptionInMiddlewareIsAnsweredLikeOneInAHandler() {
        HttpResponse<String> r = calls.get("/conformance/mw/echo?inner=throw");
        assertEquals(500, r.statusCode());
        assertFalse(r.body().contains("secret"), r.body());
        assertFalse(r.body().contains("IllegalStateException"), r.body());
        assertTrue(r.body().contains(header(r, "Functions-Request-Id")), "the body names the request id: " + r.body());

        HttpResponse<String> status = calls.get("/conformance/mw/echo?outer=status");
        assertEquals(422, status.statusCode());
        assertTrue(status.body().contains("outer refused the request"), status.body());
    }

    @Test
    void theHandlerRunsOnceWhenNextIsCalledTwice() {
        int before = Integer.parseInt(header(calls.get("/conformance/mw/echo"), "X-Calls"));
        HttpResponse<String> twice = calls.get("/conformance/mw/echo?inner=twice");
        assertEquals(500, twice.statusCode(), twice.body());
        int after = Integer.parseInt(header(calls.get("/conformance/mw/echo"), "X-Calls"));
        assertEquals(before + 2, after, "one call for the twice request, one for this one");
    }

    @Test
    void middlewareSeesNotFoundAndMethodNotAllowed() {
        HttpResponse<String> none = calls.get("/conformance/mw/null");
        assertEquals(404, none.statusCode());
        assertEquals(List.of("inner", "outer"), values(none, "X-Trace-Out"));

        HttpResponse<String> unrouted = calls.get("/conformance/mw/no-such-thing");
        assertEquals(404, unrouted.statusCode());
        assertEquals(List.of("inner", "outer"), values(unrouted, "X-Trace-Out"),
                "the container's own 404 passes the middleware too");

        HttpResponse<String> delete = calls.send("DELETE", "/conformance/mw/echo", null);
        assertEquals(405, delete.statusCode());
        assertTrue(header(delete, "Allow").contains("GET"));
        assertEquals(List.of("inner", "outer"), values(delete, "X-Trace-Out"));
    }

    @Test
    void aHandlerFailureReachesTheMiddlewareAsA500() {
        HttpResponse<String> r = calls.get("/conformance/mw/fails");
        assertEquals(500, r.statusCode());
        assertFalse(r.body().contains("handler secret"), r.body());
        assertEquals(List.of("inner", "outer"), values(r, "X-Trace-Out"));
    }

    @Test
    void asyncHandlersAndStreamsPassThrough() {
        HttpResponse<String> later = calls.get("/conformance/mw/async");
        assertEquals(200, later.statusCode());
        assertEquals("later", later.body());
        assertEquals(List.of("inner", "outer"), values(later, "X-Trace-Out"));

        HttpResponse<String> sse = calls.get("/conformance/mw/sse");
        assertEquals(200, sse.statusCode());
        assertTrue(header(sse, "Content-Type").startsWith("text/event-stream"));
        assertEquals(List.of("inner", "outer"), values(sse, "X-Trace-Out"));
        assertEquals(3, sse.body().split("event: tick", -1).length - 1, sse.body());
    }
}
