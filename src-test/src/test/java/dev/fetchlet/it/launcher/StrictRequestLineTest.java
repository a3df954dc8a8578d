package dev.fetchlet.it.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.fetchlet.it.harness.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher parses request lines and headers as RFC 9112 writes them (Jetty's STRICT compliance mode rather
 * than its default RFC9110 one), over raw sockets: each malformed form answers 400 without reaching a handler,
 * while the well-formed request beside it is served.
 */
class StrictRequestLineTest {

    private static LauncherJar launcher;

    @BeforeAll
    static void start() throws Exception {
        launcher = LauncherJar.start();
    }

    @AfterAll
    static void stop() {
        launcher.close();
    }

    @Test
    void theWellFormedRequestIsServed() throws Exception {
        RawHttp.Reply reply = send("GET /api/hello HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertEquals(200, reply.status(), reply.toString());
    }

    @Test
    void aLowerCaseHttpVersionIs400() throws Exception {
        // RFC 9112 section 2.3: HTTP-version is case-sensitive.
        assertBadRequest("GET /api/hello http/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    @Test
    void aMixedCaseHttpVersionIs400() throws Exception {
        assertBadRequest("GET /api/hello Http/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    @Test
    void headerLinesEndingInABareLineFeedAre400() throws Exception {
        // RFC 9112 section 2.2 lets a recipient accept a bare LF; Jetty's default does, STRICT does not.
        assertBadRequest("GET /api/hello HTTP/1.1\nHost: 127.0.0.1\nConnection: close\n\n");
    }

    private static void assertBadRequest(String request) throws Exception {
        RawHttp.Reply reply = send(request);
        assertEquals(400, reply.status(), reply.toString());
        assertFalse(reply.body().contains("Hello"), "no handler ran: " + reply.body());
    }

    private static RawHttp.Reply send(String request) throws Exception {
        return RawHttp.exchange(launcher.port(), request.getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(10));
    }
}
