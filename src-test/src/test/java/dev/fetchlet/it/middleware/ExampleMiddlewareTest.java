package dev.fetchlet.it.middleware;

import static dev.fetchlet.it.middleware.MiddlewareCalls.header;
import static dev.fetchlet.it.middleware.MiddlewareCalls.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Deployments;
import dev.fetchlet.it.harness.OnEachContainer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The example's middleware: {@code functions/_middleware.java} times every response ({@code Server-Timing}),
 * {@code functions/api/_middleware.java} is the built-in CORS for {@code /api}, and
 * {@code functions/api/private/_middleware.java} asks for a Bearer token; plus {@code nosniff} on every response,
 * which is on by default.
 */
@OnEachContainer
class ExampleMiddlewareTest {
    private static final Pattern TIMING = Pattern.compile("app;dur=\\d+(\\.\\d+)?");

    private final MiddlewareCalls calls;

    ExampleMiddlewareTest(ContainerKind kind) {
        this.calls = new MiddlewareCalls(Deployments.of(kind));
    }

    /** Handlers, a 404 with no route, both mounted apps, a static file and a 405: all timed. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/hello", "/no/such/page", "/express/users/7", "/koa/", "/static/style.css",
        "/index.html", "/api/todos/1", "/api/private/me"})
    void everyResponseCarriesServerTiming(String path) {
        HttpResponse<String> r = calls.get(path);
        String timing = header(r, "Server-Timing");
        assertNotNull(timing, path + " answered " + r.statusCode() + " without Server-Timing: " + r.headers().map());
        assertTrue(TIMING.matcher(timing).matches(), timing);
        assertEquals("nosniff", header(r, "X-Content-Type-Options"), path);
    }

    @Test
    void aStaticFileArrivesWholeThroughTheMiddlewareAndHeadKeepsItsLength() {
        HttpResponse<String> get = calls.get("/static/style.css");
        assertEquals(200, get.statusCode());
        assertTrue(header(get, "Content-Type").startsWith("text/css"));
        int length = get.body().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(length > 0);
        assertEquals(Integer.toString(length), header(get, "Content-Length"));

        HttpResponse<String> head = calls.send("HEAD", "/static/style.css", null);
        assertEquals(200, head.statusCode());
        assertEquals(Integer.toString(length), header(head, "Content-Length"));
        assertNotNull(header(head, "Server-Timing"));
    }

    @Test
    void thePrivateFolderAsksForTheToken() {
        HttpResponse<String> none = calls.get("/api/private/me");
        assertEquals(401, none.statusCode());
        assertEquals("Bearer", header(none, "WWW-Authenticate"));
        assertNotNull(header(none, "Server-Timing"), "the outer middleware still times the refusal");

        HttpResponse<String> wrong = calls.get("/api/private/me", "Authorization", "Bearer guess");
        assertEquals(401, wrong.statusCode());
        assertTrue(header(wrong, "WWW-Authenticate").startsWith("Bearer error="));

        HttpResponse<String> ok = calls.get("/api/private/me", "Authorization", "Bearer demo-token");
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("\"user\":\"demo\""), ok.body());
        assertEquals("private, no-store", header(ok, "Cache-Control"));
    }

    @Test
    void theApiAnswersCorsPreflightsAndCarriesCorsHeaders() {
        HttpResponse<String> preflight = calls.send("OPTIONS", "/api/hello", null, "Origin", "https://app.example",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");
        assertEquals(204, preflight.statusCode());
        assertEquals("*", header(preflight, "Access-Control-Allow-Origin"));
        assertTrue(values(preflight, "Vary").contains("Origin"), preflight.headers().map().toString());
        assertEquals("authorization", header(preflight, "Access-Control-Allow-Headers"));

        HttpResponse<String> actual = calls.get("/api/hello", "Origin", "https://app.example");
        assertEquals("*", header(actual, "Access-Control-Allow-Origin"));
        assertTrue(values(actual, "Access-Control-Expose-Headers").contains("Server-Timing"));

        HttpResponse<String> outside = calls.get("/static/style.css", "Origin", "https://app.example");
        assertNull(header(outside, "Access-Control-Allow-Origin"), "CORS is for /api only");
    }

    /** Fetchlet's own error replies (a bad body, a method the route lacks): still nosniff. */
    @Test
    void nosniffIsOnErrorRepliesToo() {
        HttpResponse<String> badJson = calls.send("POST", "/api/echo", "{not json", "Content-Type", "application/json");
        assertEquals(400, badJson.statusCode(), badJson.body());
        assertEquals("nosniff", header(badJson, "X-Content-Type-Options"));

        HttpResponse<String> notAllowed = calls.send("DELETE", "/api/events", null);
        assertEquals(405, notAllowed.statusCode());
        assertEquals("nosniff", header(notAllowed, "X-Content-Type-Options"));
        assertNotNull(header(notAllowed, "Server-Timing"));
    }
}
