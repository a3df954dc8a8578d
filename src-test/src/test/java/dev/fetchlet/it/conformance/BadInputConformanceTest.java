package dev.fetchlet.it.conformance;

import static dev.fetchlet.it.harness.ServerDifference.BAD_PATH_ANSWERED_BY_SERVER;
import static dev.fetchlet.it.harness.ServerDifference.CONFLICTING_CONTENT_LENGTHS_MERGED;
import static dev.fetchlet.it.harness.ServerDifference.EMPTY_HEADER_NAME_IS_500;
import static dev.fetchlet.it.harness.ServerDifference.HEADER_LINES_NOT_VALIDATED;
import static dev.fetchlet.it.harness.ServerDifference.HEADER_WITHOUT_COLON_DROPPED;
import static dev.fetchlet.it.harness.ServerDifference.JUNK_AFTER_VERSION_IS_505;
import static dev.fetchlet.it.harness.ServerDifference.MISSING_HOST_FILLED_IN;
import static dev.fetchlet.it.harness.ServerDifference.REQUEST_LINE_WITHOUT_TARGET_UNANSWERED;
import static dev.fetchlet.it.harness.ServerDifference.SERVER_ERROR_PAGE_SHOWS_STACK_TRACE;
import static dev.fetchlet.it.harness.ServerDifference.SPACE_BEFORE_COLON_ACCEPTED;
import static dev.fetchlet.it.harness.ServerDifference.TARGET_WITHOUT_SLASH_IS_500;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachContainer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §4, bad input: malformed request lines and headers, bad percent-encoding, CRLF in a header a handler
 * sets. Each answers 400 (500 for the handler's header) and reaches no handler; none takes the server down,
 * leaks a stack trace, or loses another client's request. Some of these the container refuses before
 * Fetchlet sees them; the rule holds either way.
 */
@OnEachContainer
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
        if (hasNoTarget(raw)) {
            REQUEST_LINE_WITHOUT_TARGET_UNANSWERED.skipOn(kind);
        }
        RawResponse r = wire().send(raw);
        boolean relativeTarget = raw.startsWith("GET c");
        assertStatusOr(relativeTarget && TARGET_WITHOUT_SLASH_IS_500.appliesTo(kind)
                ? TARGET_WITHOUT_SLASH_IS_500 : JUNK_AFTER_VERSION_IS_505, 400, r, printable(raw));
        assertNull(r.header(REQUEST_ID), "no function handled it");
    }

    /** A request line with no request target: a word alone, NUL bytes, a bare method. */
    private static boolean hasNoTarget(String raw) {
        String line = raw.substring(0, raw.indexOf("\r\n"));
        return !line.contains(" ");
    }

    @Test
    void malformedRequestLineReachesNoHandler() throws Exception {
        String key = freshKey();
        RawResponse r = wire().send("GET /conformance/count/hit?key=" + key + " HTTP/1.1 junk\r\nHost: x\r\n\r\n");
        assertStatusOr(JUNK_AFTER_VERSION_IS_505, 400, r, "junk after the version");
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
        if (headerLine.equals("HeaderWithoutColon")) {
            HEADER_WITHOUT_COLON_DROPPED.skipOn(kind);
        } else if (headerLine.contains(" :")) {
            SPACE_BEFORE_COLON_ACCEPTED.skipOn(kind);
        }
        if (!headerLine.contains("\u0001")) { // a control character in a name is refused everywhere
            HEADER_LINES_NOT_VALIDATED.skipOn(kind);
        }
        String key = freshKey();
        RawResponse r = wire().send(Wire.request("GET", "/conformance/count/hit?key=" + key, headerLine));
        assertStatusOr(EMPTY_HEADER_NAME_IS_500, 400, r, printable(headerLine));
        assertNoLeak(r, printable(headerLine));
        assertEquals(0, calls(key), "a handler ran despite " + printable(headerLine));
    }

    @Test
    void missingHostIs400() throws Exception {
        MISSING_HOST_FILLED_IN.skipOn(kind);
        String key = freshKey();
        RawResponse r = wire().send("GET /conformance/count/hit?key=" + key + " HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertEquals(400, r.status(), r.toString());
        assertEquals(0, calls(key));
    }

    @Test
    void conflictingContentLengthsAre400() throws Exception {
        CONFLICTING_CONTENT_LENGTHS_MERGED.skipOn(kind);
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
            assertStatusOr(BAD_PATH_ANSWERED_BY_SERVER, 400, r, path);
            assertEquals(0, calls(key), "a handler ran for " + path);
        }
    }

    @Test
    void badPercentEncodingIsRefusedOnEveryRouteKind() throws Exception {
        for (String path : List.of("/api/users/%zz", "/api/%zz/x", "/helloworld%zz", "/%zz", "/static/%zz.css")) {
            RawResponse r = wire().send(Wire.request("GET", path));
            assertStatusOr(BAD_PATH_ANSWERED_BY_SERVER, 400, r, path);
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
        List<String> bad = new java.util.ArrayList<>(List.of(
            Wire.request("GET", "/conformance/header?value=a%0d%0aX-Injected:1"),
            Wire.request("POST", "/conformance/count/hit", "Content-Length: " + (BODY_LIMIT + 1)),
            Wire.request("GET", "/conformance/throw"),
            Wire.request("PROPFIND", "/conformance/methods")));
        // What this server itself answers badly is checked by the tests above; here only what gets a refusal.
        if (!REQUEST_LINE_WITHOUT_TARGET_UNANSWERED.appliesTo(kind)) {
            bad.addAll(List.of("GARBAGE\r\n\r\n", "\u0000\u0000\u0000\u0000\r\n\r\n"));
        }
        if (!BAD_PATH_ANSWERED_BY_SERVER.appliesTo(kind)) {
            bad.add(Wire.request("GET", "/conformance/count/%zz"));
        }
        if (!HEADER_WITHOUT_COLON_DROPPED.appliesTo(kind) && !HEADER_LINES_NOT_VALIDATED.appliesTo(kind)) {
            bad.add(Wire.request("GET", "/conformance/count/hit", "HeaderWithoutColon"));
        }
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
        if (!REQUEST_LINE_WITHOUT_TARGET_UNANSWERED.appliesTo(kind)) {
            inputs.add("GARBAGE\r\n\r\n");
        }
        for (String raw : inputs) {
            assertNoLeak(wire().send(raw), "the reply to " + printable(raw));
        }
    }

    /** The fixtures' numeric query values, like the example's: a value that is not a number is the client's 400. */
    @ParameterizedTest
    @ValueSource(strings = {
        "/conformance/slow?ms=soon",
        "/conformance/slow?ms=1e3",
        "/conformance/async?ms=",
        "/conformance/async?ms=-1",
        "/conformance/stream?mb=lots",
        "/conformance/stream?mb=100000",
    })
    void aQueryValueThatIsNotANumberIs400(String pathAndQuery) {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(400, r.statusCode(), pathAndQuery + ": " + r.body());
        String message = json(r).get("message").asText();
        assertTrue(message.startsWith("Query parameter '"), message);
        assertNull(stackTraceIn(r.body()), r.body());
        assertFunctionReply(r);
    }

    /**
     * No stack trace or exception class in the reply. On a server whose own error pages show them
     * ({@link dev.fetchlet.it.harness.ServerDifference#SERVER_ERROR_PAGE_SHOWS_STACK_TRACE}), a page the server
     * wrote is let through, never one a function wrote.
     */
    void assertNoLeak(RawResponse r, String what) {
        String leak = stackTraceIn(r.text());
        if (leak != null && r.header(REQUEST_ID) == null && SERVER_ERROR_PAGE_SHOWS_STACK_TRACE.appliesTo(kind)) {
            return;
        }
        assertNull(leak, what + " leaks '" + leak + "': " + r);
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
