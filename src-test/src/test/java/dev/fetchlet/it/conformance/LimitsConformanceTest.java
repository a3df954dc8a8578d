package dev.fetchlet.it.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachContainer;
import dev.fetchlet.it.harness.ServerDifference;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §4, the body limit (default 6 MB = 6 MiB) and the wall-time limit (2 s for this suite, set by surefire).
 *
 * <p>The wall-time limit covers the handler call, or the CompletionStage it returns, not the streaming of a body
 * the handler already returned: see {@link BodyConformanceTest#aStreamedBodyMayOutlastTheWallTimeLimit}.
 */
@OnEachContainer
class LimitsConformanceTest extends ConformanceTest {
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "conformance-body-writer");
        t.setDaemon(true);
        return t;
    });

    LimitsConformanceTest(ContainerKind kind) {
        super(kind);
    }

    @AfterEach
    void serverStillAnswers() {
        assertStillServing();
    }

    @AfterAll
    static void stopWriters() {
        WRITERS.shutdownNow();
    }

    // ---- body limit ----

    @Test
    void bodyOverTheLimitWithContentLengthIs413BeforeTheHandlerRuns() throws Exception {
        String key = freshKey();
        // Only the head is sent: the reply must come from the declared length alone, without waiting for a body.
        RawResponse r = wire().send(Wire.request("POST", "/conformance/count/hit?key=" + key,
                "Content-Type: application/octet-stream", "Content-Length: " + (BODY_LIMIT + 1)));
        assertEquals(413, r.status(), r.toString());
        assertEquals("Payload Too Large", json(r.text()).get("error").asText());
        assertFunctionReply(r);
        assertEquals("close", r.header("Connection"));
        assertEquals(0, calls(key), "the handler ran");
    }

    /**
     * A client that asks before sending is refused without sending the body. Jetty sends {@code 100 Continue}
     * only when the app reads, so it never invites the body here; Tomcat's connector sends it before any web
     * app runs (its {@code continueResponseTiming="immediately"} default), so there the 413 follows the 100.
     */
    @Test
    void bodyOverTheLimitExpectingContinueGets413WithoutSendingIt() throws Exception {
        String key = freshKey();
        try (Socket s = wire().open()) {
            s.getOutputStream().write(Wire.request("POST", "/conformance/count/hit?key=" + key,
                    "Content-Length: " + (BODY_LIMIT + 1), "Expect: 100-continue").getBytes(StandardCharsets.ISO_8859_1));
            java.io.InputStream in = new java.io.BufferedInputStream(s.getInputStream());
            if (kind == ContainerKind.JETTY) {
                in.mark(64);
                byte[] first = in.readNBytes(12);
                in.reset();
                assertEquals("HTTP/1.1 413", new String(first, StandardCharsets.ISO_8859_1),
                        "refused at once, never invited to send the body");
            }
            RawResponse r = RawResponse.read(in, false);
            assertEquals(413, r.status(), r.toString());
        }
        assertEquals(0, calls(key));
    }

    @Test
    void bodyUnderTheLimitExpectingContinueIsRead() throws Exception {
        try (Socket s = wire().open()) {
            OutputStream out = s.getOutputStream();
            out.write(Wire.request("POST", "/conformance/body", "Content-Length: 5", "Expect: 100-continue")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(100);
            out.write("hello".getBytes(StandardCharsets.ISO_8859_1));
            RawResponse r = RawResponse.read(s.getInputStream(), false);
            assertEquals(200, r.status(), r.toString());
            assertEquals(5, json(r.text()).get("bytes").asInt());
        }
    }

    @Test
    void bodyFarOverTheLimitWithContentLengthIs413() throws Exception {
        String key = freshKey();
        RawResponse r = wire().send(Wire.request("PUT", "/conformance/count/hit?key=" + key,
                "Content-Length: 10000000000"));
        assertStatusOr(ServerDifference.BODY_OVER_SERVER_LIMIT_IS_400, 413, r, "Content-Length: 10000000000");
        assertEquals(0, calls(key));
    }

    /**
     * RFC 9110 section 8.6 lets a recipient take a repeated Content-Length whose values are all the same number, or
     * refuse it: either way the declared size counts, and the handler never sees an oversized body.
     */
    @Test
    void repeatedEqualContentLengthsOverTheLimitAreRefusedBeforeTheHandlerRuns() throws Exception {
        ServerDifference.INVALID_CONTENT_LENGTH_IGNORED.skipOn(kind);
        String key = freshKey();
        long declared = BODY_LIMIT + 1;
        RawResponse r = wire().send(Wire.request("POST", "/conformance/count/hit?key=" + key,
                "Content-Type: application/octet-stream", "Content-Length: " + declared + ", " + declared));
        assertTrue(r.status() == 413 || r.status() == 400, r.toString());
        BadInputConformanceTest.assertNoStackTrace(r);
        assertEquals(0, calls(key), "the handler ran");
    }

    /** A declared length with more digits than a long holds is larger than any limit, not a server error. */
    @Test
    void contentLengthBeyondALongIsRefusedBeforeTheHandlerRuns() throws Exception {
        String key = freshKey();
        RawResponse r = wire().send(Wire.request("POST", "/conformance/count/hit?key=" + key,
                "Content-Type: application/octet-stream", "Content-Length: 99999999999999999999999"));
        assertTrue(r.status() == 413 || r.status() == 400, r.toString());
        BadInputConformanceTest.assertNoStackTrace(r);
        assertEquals(0, calls(key), "the handler ran");
    }

    @Test
    void bodyOverTheLimitWithContentLengthIs413WhileTheClientIsStillSending() throws Exception {
        String key = freshKey();
        try (Socket s = wire().open()) {
            OutputStream out = s.getOutputStream();
            out.write(Wire.request("POST", "/conformance/count/hit?key=" + key, "Content-Length: " + (8L << 20))
                    .getBytes(StandardCharsets.ISO_8859_1));
            Future<?> writing = WRITERS.submit(() -> {
                out.write(new byte[8 << 20]);
                return null;
            });
            RawResponse r = RawResponse.read(s.getInputStream(), false);
            assertEquals(413, r.status(), r.toString());
            writing.cancel(true);
        }
        assertEquals(0, calls(key));
    }

    @Test
    void chunkedBodyOverTheLimitIs413OncePastIt() throws Exception {
        try (Socket s = wire().open()) {
            OutputStream out = s.getOutputStream();
            out.write(Wire.request("POST", "/conformance/body", "Transfer-Encoding: chunked")
                    .getBytes(StandardCharsets.ISO_8859_1));
            // Past the limit, then nothing more and no last chunk: the reply must not wait for the body's end
            // (were it to wait, the wall-time limit would answer 504 instead).
            Future<?> writing = WRITERS.submit(() -> {
                Wire.writeChunks(out, BODY_LIMIT + 256 * 1024, 64 * 1024);
                return null;
            });
            RawResponse r = RawResponse.read(s.getInputStream(), false);
            assertEquals(413, r.status(), r.toString());
            assertEquals("Payload Too Large", json(r.text()).get("error").asText());
            assertFunctionReply(r);
            assertEquals("close", r.header("Connection"), "the rest of the body is not read: the connection ends");
            writing.cancel(true);
        }
    }

    @Test
    void chunkedBodyOneByteOverTheLimitIs413() throws Exception {
        try (Socket s = wire().open()) {
            OutputStream out = s.getOutputStream();
            out.write(Wire.request("POST", "/conformance/body", "Transfer-Encoding: chunked")
                    .getBytes(StandardCharsets.ISO_8859_1));
            Future<?> writing = WRITERS.submit(() -> {
                Wire.writeChunks(out, BODY_LIMIT + 1, 64 * 1024);
                Wire.writeLastChunk(out);
                return null;
            });
            RawResponse r = RawResponse.read(s.getInputStream(), false);
            assertEquals(413, r.status(), r.toString());
            writing.cancel(true);
        }
    }

    @Test
    void bodyExactlyAtTheLimitPasses() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/conformance/body"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) BODY_LIMIT])));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(BODY_LIMIT, json(r).get("bytes").asLong());
    }

    @Test
    void chunkedBodyExactlyAtTheLimitPasses() throws Exception {
        try (Socket s = wire().open()) {
            OutputStream out = s.getOutputStream();
            out.write(Wire.request("POST", "/conformance/body", "Transfer-Encoding: chunked")
                    .getBytes(StandardCharsets.ISO_8859_1));
            Future<?> writing = WRITERS.submit(() -> {
                Wire.writeChunks(out, BODY_LIMIT, 100_000);
                Wire.writeLastChunk(out);
                return null;
            });
            RawResponse r = RawResponse.read(s.getInputStream(), false);
            assertEquals(200, r.status(), r.toString());
            assertEquals(BODY_LIMIT, json(r.text()).get("bytes").asLong());
            writing.get();
        }
    }

    @Test
    void bodyJustOverTheLimitAsJsonIs413() {
        StringBuilder doc = new StringBuilder("[");
        while (doc.length() < BODY_LIMIT + 10) {
            doc.append("1234567890,");
        }
        doc.append("0]");
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(doc.toString().getBytes(StandardCharsets.US_ASCII)))));
        assertEquals(413, r.statusCode(), "a chunked JSON body past the limit: " + r.body());
    }

    // ---- wall-time limit ----

    @Test
    void handlerPastTheWallTimeAnswers504() {
        long start = System.nanoTime();
        HttpResponse<String> r = get("/conformance/slow?ms=10000");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(504, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals("Gateway Timeout", body.get("error").asText());
        assertEquals(assertFunctionReply(r), body.get("requestId").asText());
        assertTrue(ms >= WALL_TIME.toMillis() - 100 && ms < 4_500, "answered after " + ms + " ms");
    }

    @Test
    void handlerPastTheWallTimeIsInterrupted() throws Exception {
        int before = interrupts();
        assertEquals(504, get("/conformance/slow?ms=10000").statusCode());
        long deadline = System.currentTimeMillis() + 3_000;
        while (interrupts() == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(before + 1, interrupts(), "the handler's sleep was interrupted");
    }

    @Test
    void interruptOfATimedOutHandlerDoesNotLeakIntoLaterRequests() throws Exception {
        assertEquals(504, get("/conformance/slow?ms=10000").statusCode());
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = get("/conformance/slow?ms=20");
            assertEquals("slept 20", r.body(), "request " + i + " after a timeout");
        }
    }

    @Test
    void asyncHandlerPastTheWallTimeAnswers504() {
        long start = System.nanoTime();
        HttpResponse<String> r = get("/conformance/async?ms=10000");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(504, r.statusCode(), r.body());
        assertEquals("Gateway Timeout", json(r).get("error").asText());
        assertFunctionReply(r);
        assertTrue(ms >= WALL_TIME.toMillis() - 100 && ms < 4_500, "answered after " + ms + " ms");
    }

    @Test
    void handlersUnderTheWallTimeAreUnaffected() {
        HttpResponse<String> sync = get("/conformance/slow?ms=1200");
        assertEquals(200, sync.statusCode());
        assertEquals("slept 1200", sync.body());
        HttpResponse<String> async = get("/conformance/async?ms=1200");
        assertEquals(200, async.statusCode());
        assertTrue(async.body().startsWith("async "), async.body());
    }

    private int interrupts() {
        return json(get("/conformance/slow/interrupts")).get("interrupts").asInt();
    }
}
