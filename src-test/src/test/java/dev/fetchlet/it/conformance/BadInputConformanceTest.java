package dev.fetchlet.it.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.ContainerKind;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §4, bad input: malformed request lines and headers, bad percent-encoding, CRLF in a header a handler
 * sets. Each answers 400 (500 for the handler's header) and reaches no handler; none takes the server down,
 * leaks a stack trace, or loses another client's request. Some of these the container refuses before
 * Fetchlet sees them; the rule holds either way.
 */
// Jetty and Tomcat embedded in this JVM, which read the suite's FUNC_* settings from its system properties
// (see ConformanceTest); the out-of-process app servers of the harness do not get them.
@ParameterizedClass(name = "{0}")
@EnumSource(value = ContainerKind.class, names = {"JETTY", "TOMCAT"})
class BadInputConformanceTest extends ConformanceTest {
    /** Paths under the counting route that must each answer 400 without reaching it. */
    static final List<String> BAD_PATHS = List.of(
            "/conformance/count/%zz",        // not hex
            "/conformance/count/%",          // truncated escape
            "/conformance/count/a%2",        // truncated escape
            "/conformance/count/%C3",        // truncated UTF-8
            "/conformance/count/%C3%28",     // invalid UTF-8
            "/conformance/count/%FF",        // never valid in UTF-8
            "/conformance/count/%C0%AF",     // overlong '/'
            "/conformance/count/%00",        // NUL
            "/conformance/count/a%2Fb",      // encoded slash
            "/conformance/count/%2e%2e/x");  // encoded dot-dot

    BadInputConformanceTest(ContainerKind kind) {
        super(kind);
    }

    @AfterEach
    void serverStillAnswers() {
        assertStillServing();
    }

    // ---- malformed request lines ----

    @ParameterizedTest
    @ValueSource(strings = {
        "GARBAGE\r\n\r\n",
        "\u0000\u0000\u0000\u0000\r\n\r\n",
        "GET\r\n\r\n",
        "GET /conformance/count/hit HTTP/1.1 trailing-junk\r\nHost: x\r\n\r\n",
        "\u0001\u0002\u0003 /conformance/count/hit HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /conformance/count/hit\u0000 HTTP/1.1\r\nHost: x\r\n\r\n",
        "G(T /conformance/count/hit HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET conformance/count/hit HTTP/1.1\r\nHost: x\r\n\r\n",
    })
    void malformedRequestLineIs400(String raw) throws Exception {
        RawResponse r = wire().send(raw);
        assertEquals(400, r.status(), printable(raw) + " -> " + r);
        assertNull(r.header(REQUEST_ID), "no function handled it");
    }

    @Test
    void malformedRequestLineReachesNoHandler() throws Exception {
        String key = freshKey();
        RawResponse r = wire().send("GET /conformance/count/hit?key=" + key + " HTTP/1.1 junk\r\nHost: x\r\n\r\n");
        assertEquals(400, r.status(), r.toString());
        assertEquals(0, calls(key));
    }

    // ---- malformed headers ----

    @ParameterizedTest
    @ValueSource(strings = {
        "HeaderWithoutColon",
        "X-Space-Before-Colon : 1",
        ": no name",
        "X-Bad\u0001Name: 1",
        "X-Bare-CR: a\rb",
    })
    void malformedHeaderIs400AndReachesNoHandler(String headerLine) throws Exception {
        String key = freshKey();
        RawResponse r = wire().send(Wire.request("GET", "/conformance/count/hit?key=" + key, headerLine));
        assertEquals(400, r.status(), printable(headerLine) + " -> " + r);
        assertEquals(0, calls(key), "a handler ran despite " + printable(headerLine));
    }

    @Test
    void missingHostIs400() throws Exception {
        String key = freshKey();
        RawResponse r = wire().send("GET /conformance/count/hit?key=" + key + " HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertEquals(400, r.status(), r.toString());
        assertEquals(0, calls(key));
    }

    @Test
    void conflictingContentLengthsAre400() throws Exception {
        String key = freshKey();
        RawResponse r = wire().send(Wire.request("POST", "/conformance/count/hit?key=" + key,
                "Content-Length: 3", "Content-Length: 4") + "abcd");
        assertEquals(400, r.status(), r.toString());
        assertEquals(0, calls(key));
    }

    // ---- bad percent-encoding and encoded separators in the path ----

    @Test
    void badPercentEncodingInThePathIs400AndReachesNoHandler() throws Exception {
        for (String path : BAD_PATHS) {
            String key = freshKey();
            RawResponse r = wire().send(Wire.request("GET", path + "?key=" + key));
            assertEquals(400, r.status(), path + " -> " + r);
            assertEquals(0, calls(key), "a handler ran for " + path);
        }
    }

    @Test
    void badPercentEncodingIsRefusedOnEveryRouteKind() throws Exception {
        for (String path : List.of("/api/users/%zz", "/api/%zz/x", "/helloworld%zz", "/%zz", "/static/%zz.css")) {
            RawResponse r = wire().send(Wire.request("GET", path));
            assertEquals(400, r.status(), path + " -> " + r);
            assertNull(r.header(REQUEST_ID), path);
        }
    }

    // ---- CRLF in a header the handler sets ----

    @ParameterizedTest
    @ValueSource(strings = {"a%0d%0aX-Injected:1", "a%0aX-Injected:1", "a%0dX-Injected:1", "a%00b"})
    void crlfInAHeaderTheHandlerSetsFailsTheCallAndInjectsNothing(String value) throws Exception {
        RawResponse r = wire().send(Wire.request("GET", "/conformance/header?value=" + value));
        assertEquals(500, r.status(), r.toString());
        assertNull(r.header("X-Injected"), "a header was injected: " + r);
        assertNull(r.header("X-Echo"));
        assertEquals(assertFunctionReply(r), json(r.text()).get("requestId").asText());
        assertNoStackTrace(r);
    }

    @Test
    void aCleanHeaderTheHandlerSetsIsSent() throws Exception {
        RawResponse r = wire().send(Wire.request("GET", "/conformance/header?value=fine%20value"));
        assertEquals(200, r.status());
        assertEquals("fine value", r.header("X-Echo"));
    }

    // ---- nothing takes the server down or loses another request ----

    @Test
    void aGoodRequestInFlightCompletesWhileBadOnesArrive() throws Exception {
        // An event stream (about 3 s, which the wall-time limit does not cut) is in flight the whole time.
        CompletableFuture<HttpResponse<String>> good = HTTP.sendAsync(
                HttpRequest.newBuilder(uri("/api/events?count=10&intervalMs=300")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        CompletableFuture<Long> goodDoneAt = good.thenApply(r -> System.nanoTime());
        Thread.sleep(200); // let it reach the handler
        long badStartedAt = System.nanoTime();
        String[] bad = {
            "GARBAGE\r\n\r\n",
            Wire.request("GET", "/conformance/count/%zz"),
            Wire.request("GET", "/conformance/count/hit", "HeaderWithoutColon"),
            Wire.request("GET", "/conformance/header?value=a%0d%0aX-Injected:1"),
            Wire.request("POST", "/conformance/count/hit", "Content-Length: " + (BODY_LIMIT + 1)),
            Wire.request("GET", "/conformance/throw"),
            Wire.request("PROPFIND", "/conformance/methods"),
            "\u0000\u0000\u0000\u0000\r\n\r\n",
        };
        for (String raw : bad) {
            RawResponse r = wire().send(raw);
            assertTrue(r.status() >= 400, printable(raw) + " -> " + r);
        }
        HttpResponse<String> r = good.get(20, TimeUnit.SECONDS);
        assertTrue(goodDoneAt.get() > badStartedAt, "the good request was in flight while the bad ones arrived");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("id: 1\nevent: tick\ndata: 1\n\n"), r.body());
        assertTrue(r.body().contains("data: 10\n") && r.body().endsWith("event: done\ndata: bye\n\n"), r.body());
    }

    @Test
    void aClientThatVanishesMidRequestDoesNotHurtTheServer() throws Exception {
        try (java.net.Socket s = wire().open()) {
            s.getOutputStream().write(("POST /conformance/body HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n"
                    + "partial").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            Thread.sleep(100);
        }
        try (java.net.Socket s = wire().open()) {
            s.getOutputStream().write("GET /api/events?count=100&intervalMs=20 HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            s.getInputStream().read(new byte[100]);
        }
        Thread.sleep(300);
    }

    /** No stack trace and no exception class: a container's own error page may name the rule broken, no more. */
    // ---- no stack trace, whatever the input ----

    /**
     * Every bad input's reply is free of stack traces and class names, whoever writes it. Tomcat answers a
     * malformed request line or header from its connector, before any web app runs, with the host's
     * {@code ErrorReportValve}; by default that prints the parser's stack trace, which only the server's
     * configuration can turn off ({@code showReport="false" showServerInfo="false"}, as the README advises and
     * the harness's Tomcat is configured).
     */
    @Test
    void badInputRepliesLeakNoStackTrace() throws Exception {
        List<String> inputs = new java.util.ArrayList<>(List.of(
                "GARBAGE\r\n\r\n",
                "G(T / HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /conformance/count/hit HTTP/1.1 junk\r\nHost: x\r\n\r\n",
                Wire.request("GET", "/conformance/count/hit", "HeaderWithoutColon"),
                Wire.request("GET", "/conformance/count/hit", "X-Bad\u0001Name: 1"),
                Wire.request("GET", "/conformance/header?value=a%0d%0aX-Injected:1"),
                Wire.request("GET", "/conformance/throw"),
                Wire.request("POST", "/api/echo", "Content-Type: application/json", "Content-Length: 2") + "{x",
                Wire.request("POST", "/conformance/count/hit", "Content-Length: " + (BODY_LIMIT + 1))));
        for (String path : BAD_PATHS) {
            inputs.add(Wire.request("GET", path));
        }
        for (String raw : inputs) {
            RawResponse r = wire().send(raw);
            String leak = stackTraceIn(r.text());
            assertNull(leak, "the reply to " + printable(raw) + " leaks '" + leak + "': " + r);
        }
    }

    static void assertNoStackTrace(RawResponse r) {
        String leak = stackTraceIn(r.text());
        assertNull(leak, "the reply leaks internals (" + leak + "): " + r);
    }

    /** The first sign of a stack trace or exception class in a body, or null. */
    static String stackTraceIn(String body) {
        for (String sign : List.of("\tat ", "at org.", "at dev.", "at java.", "Caused by", ".java:", "Exception:",
                "java.lang.", "org.apache.", "org.eclipse.", "dev.fetchlet.")) {
            if (body.contains(sign)) {
                return sign;
            }
        }
        return null;
    }

    private static String printable(String raw) {
        StringBuilder sb = new StringBuilder();
        for (char c : raw.toCharArray()) {
            sb.append(c == '\r' ? "\\r" : c == '\n' ? "\\n" : c < 32 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }
}
