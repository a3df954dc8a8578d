package dev.fetchlet.it.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.ServerDifference;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs cases of the malformed-input corpus ({@link MalformedCase}) against one container. For each: the status
 * is one the case allows; a request to {@code /conformance/count} ran its handler only if the case expects it
 * to; the reply shows no stack trace, class name or library identifier; and afterwards the server still
 * serves an ordinary request.
 */
abstract class MalformedCorpusTest extends ConformanceTest {
    /** Beyond {@link BadInputConformanceTest#stackTraceIn}: Jackson's and the fixtures' names. */
    private static final List<String> CLASS_NAME_SIGNS = List.of("com.fasterxml", "Jackson", "jackson", "$Item",
            "BodyEcho", "Cannot deserialize", "Exception");

    MalformedCorpusTest(ContainerKind kind) {
        super(kind);
    }

    @AfterEach
    void serverStillAnswers() {
        assertStillServing();
    }

    void check(MalformedCase c) throws IOException {
        String key = freshKey();
        ServerDifference difference = c.differenceOn(kind);
        RawResponse r;
        try {
            r = send(c, key);
        } catch (IOException noAnswer) {
            if (difference == null) {
                throw noAnswer;
            }
            System.out.println("corpus " + kind + " " + c + " -> no answer");
            difference.skipOn(kind); // the server itself left the client without an answer
            throw noAnswer;
        }
        // One line per case and container: the corpus's results table, read from the test output.
        System.out.println("corpus " + kind + " " + c + " -> " + r.status());
        boolean allowed = c.expected().contains(r.status());
        if (!allowed && c.launcher() && kind == ContainerKind.JETTY) {
            Assumptions.abort(c + ": the embedded Jetty launcher's request-line parsing decides this case and"
                    + " answered " + r.status());
        }
        boolean functionReply = r.header(REQUEST_ID) != null;
        if (!allowed && difference != null) {
            // The server decided before the WAR saw anything wrong. If a function answered anyway, it did so
            // without failing, and without the malformed bytes in what it read.
            if (functionReply) {
                assertTrue(r.status() != 500, c + ": " + difference + ", yet a function failed: " + r);
                assertTrue(!r.text().contains("\0"), c + ": the body carries a NUL: " + r);
            }
        } else {
            assertTrue(allowed, c + ": expected " + c.expected() + ", got " + r);
        }
        if (c.counts()) {
            int expectedCalls = r.status() < 300 && functionReply && !c.noHandler() ? 1 : 0;
            int calls = calls(key);
            if (calls != expectedCalls && difference != null) {
                difference.skipOn(kind); // reported as skipped with the reason, never as passed
            }
            assertEquals(expectedCalls, calls, c + ": handler calls after " + r.status());
        }
        assertNoLeak(c, r);
    }

    /** Sends the case's bytes on a fresh connection; with {@code half-close}, ends the output after them. */
    RawResponse send(MalformedCase c, String key) throws IOException {
        if (!c.halfClose()) {
            return wire().send(c.bytes(key));
        }
        try (Socket s = wire().open()) {
            s.getOutputStream().write(c.bytes(key));
            s.getOutputStream().flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            RawResponse r = RawResponse.read(in, false);
            return r.withTrailing(Wire.drain(s, in));
        }
    }

    private void assertNoLeak(MalformedCase c, RawResponse r) {
        String body = r.text();
        String leak = BadInputConformanceTest.stackTraceIn(body);
        for (String sign : CLASS_NAME_SIGNS) {
            if (leak == null && body.contains(sign)) {
                leak = sign;
            }
        }
        boolean serverPage = r.header(REQUEST_ID) == null
                && ServerDifference.SERVER_ERROR_PAGE_SHOWS_STACK_TRACE.appliesTo(kind);
        if (!serverPage) {
            assertNull(leak, c + ": the reply leaks '" + leak + "': " + r);
        }
    }
}
