package dev.fetchlet.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.Context;
import dev.fetchlet.Headers;
import dev.fetchlet.Request;
import dev.fetchlet.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The CORS policy without a server: preflights, actual responses, and the configurations it refuses. */
class CorsTest {
    private static Request request(String method, String... headers) {
        Request.Builder b = Request.builder(method, "http://api.example/data");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    private final Cors named = Cors.builder().origins("https://app.example").credentials(true)
            .exposeHeaders("X-Total").maxAge(Duration.ofMinutes(5)).build();

    @Test
    void aPreflightIsAnsweredWithoutCallingNext() throws Exception {
        Request pre = request("OPTIONS", "Origin", "https://app.example", "Access-Control-Request-Method", "PUT",
                "Access-Control-Request-Headers", "x-a");
        Response r = named.onRequest(Context.builder(pre).build(), () -> {
            throw new AssertionError("a preflight goes no further");
        });
        assertEquals(204, r.status());
        assertEquals("https://app.example", r.headers().get("Access-Control-Allow-Origin"));
        assertEquals("true", r.headers().get("Access-Control-Allow-Credentials"));
        assertEquals("x-a", r.headers().get("Access-Control-Allow-Headers"));
        assertEquals("300", r.headers().get("Access-Control-Max-Age"));
        assertEquals("Origin, Access-Control-Request-Headers", r.headers().get("Vary"));
    }

    @Test
    void anActualResponseGetsTheOriginOnlyWhenAllowed() throws Exception {
        Response ok = named.onRequest(Context.builder(request("GET", "Origin", "https://app.example")).build(),
                () -> Response.text("x").header("Vary", "Accept-Encoding"));
        assertEquals("https://app.example", ok.headers().get("Access-Control-Allow-Origin"));
        assertEquals("X-Total", ok.headers().get("Access-Control-Expose-Headers"));
        assertEquals("Accept-Encoding, Origin", ok.headers().get("Vary"));

        Response other = named.onRequest(Context.builder(request("GET", "Origin", "https://evil.example")).build(),
                () -> Response.text("x"));
        assertNull(other.headers().get("Access-Control-Allow-Origin"));
        assertEquals("Origin", other.headers().get("Vary"));
    }

    @Test
    void headersTheRouteSetItselfAreKept() {
        Headers h = new Headers().set("Access-Control-Allow-Origin", "https://special.example");
        named.addTo(request("GET", "Origin", "https://app.example"), h);
        assertEquals("https://special.example", h.get("Access-Control-Allow-Origin"));
    }

    @Test
    void anyOriginWithoutCredentialsIsAStar() {
        Cors any = Cors.builder().build();
        Headers h = new Headers();
        any.addTo(request("GET", "Origin", "https://x.example"), h);
        assertEquals("*", h.get("Access-Control-Allow-Origin"));
        assertNull(h.get("Access-Control-Allow-Credentials"));
        assertFalse(h.has("Vary"), "the answer does not depend on the origin");
    }

    @Test
    void credentialsAreNeverAllowedWithAStar() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Cors.builder().origins("*").credentials(true).build());
        assertTrue(e.getMessage().contains("by name"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Cors.builder().credentials(true).build());
    }

    @Test
    void anOriginIsSchemeHostAndPortOnly() {
        assertThrows(IllegalArgumentException.class, () -> Cors.builder().origins("app.example"));
        assertThrows(IllegalArgumentException.class, () -> Cors.builder().origins("https://app.example/"));
    }

    @Test
    void anOpaqueOriginIsNeverEchoed() {
        Headers h = new Headers();
        named.addTo(request("GET", "Origin", "null"), h);
        assertNull(h.get("Access-Control-Allow-Origin"));
    }

    @Test
    void onlyOptionsWithOriginAndRequestedMethodIsAPreflight() {
        assertTrue(Cors.isPreflight(request("OPTIONS", "Origin", "o", "Access-Control-Request-Method", "GET")));
        assertFalse(Cors.isPreflight(request("OPTIONS", "Origin", "o")));
        assertFalse(Cors.isPreflight(request("GET", "Origin", "o", "Access-Control-Request-Method", "GET")));
    }
}
