package dev.fetchlet.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.Context;
import dev.fetchlet.Request;
import dev.fetchlet.Response;
import org.junit.jupiter.api.Test;

/** The security headers and the timing header, added to a response the next step returns. */
class SecurityHeadersTest {
    private static Response through(dev.fetchlet.Middleware m, String url, Response downstream) throws Exception {
        return m.onRequest(Context.builder(Request.builder("GET", url).build()).build(), () -> downstream);
    }

    @Test
    void theDefaultsGoOnAndHstsOnlyOverHttps() throws Exception {
        Response http = through(SecurityHeaders.defaults(), "http://a.example/", Response.text("x"));
        assertEquals("nosniff", http.headers().get("X-Content-Type-Options"));
        assertEquals("strict-origin-when-cross-origin", http.headers().get("Referrer-Policy"));
        assertEquals("SAMEORIGIN", http.headers().get("X-Frame-Options"));
        assertNull(http.headers().get("Strict-Transport-Security"));

        Response https = through(SecurityHeaders.defaults(), "https://a.example/", Response.text("x"));
        assertEquals("max-age=31536000; includeSubDomains", https.headers().get("Strict-Transport-Security"));
    }

    @Test
    void eachIsConfigurableAndTheRoutesOwnWins() throws Exception {
        SecurityHeaders custom = SecurityHeaders.builder().set("referrer-policy", "no-referrer")
                .without("X-Frame-Options").build();
        Response r = through(custom, "http://a.example/",
                Response.text("x").header("Content-Security-Policy", "default-src 'self'"));
        assertEquals("no-referrer", r.headers().get("Referrer-Policy"));
        assertNull(r.headers().get("X-Frame-Options"));
        assertEquals("default-src 'self'", r.headers().get("Content-Security-Policy"));
        assertThrows(IllegalArgumentException.class, () -> SecurityHeaders.builder().set("X-Bad", "a\r\nb"));
    }

    @Test
    void serverTimingAppendsItsMetric() throws Exception {
        Response r = through(new ServerTiming("total"), "http://a.example/",
                Response.text("x").header("Server-Timing", "db;dur=3"));
        assertTrue(r.headers().get("Server-Timing").matches("db;dur=3, total;dur=\\d+\\.\\d"),
                r.headers().get("Server-Timing"));
        assertThrows(IllegalArgumentException.class, () -> new ServerTiming("two words"));
    }
}
