package dev.fetchlet.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Deployment;
import dev.fetchlet.it.harness.Deployments;
import dev.fetchlet.it.harness.OnEachContainer;
import dev.fetchlet.it.harness.RawHttp;
import dev.fetchlet.it.websocket.HandshakeWire;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fetchlet's own security cases against the example WAR, written on a raw socket from {@code security/cases.txt}
 * (see that file for the format and the sources): cross-site WebSocket hijacking ({@code ws-origin}), class names
 * in error bodies ({@code error-body}) and empty or malformed {@code Host} ({@code host}). The counts per category
 * are in {@code docs/security.md}.
 */
@OnEachContainer
class SecuritySuiteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LONG_READ = Duration.ofSeconds(60);

    private final ContainerKind kind;
    private final Deployment deployment;

    SecuritySuiteTest(ContainerKind kind) {
        this.kind = kind;
        this.deployment = Deployments.of(kind);
    }

    static List<SecurityCase> wsOrigin() {
        return SecurityCase.load("ws-origin");
    }

    static List<SecurityCase> errorBody() {
        return SecurityCase.load("error-body");
    }

    static List<SecurityCase> host() {
        return SecurityCase.load("host");
    }

    /**
     * A handshake is accepted (101, the right accept key, the listener's first frame) or refused (the status, a JSON
     * body without internals, no accept key and not one byte after the reply: no listener ran).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("wsOrigin")
    void aWebSocketHandshakeIsAcceptedOnlyFromItsOwnOriginOrAListedOne(SecurityCase c) throws Exception {
        HandshakeWire.Reply reply = HandshakeWire.send(deployment.port(),
                new String(c.request(deployment.port()), StandardCharsets.ISO_8859_1));

        assertEquals(c.status(), reply.status(), reply.toString());
        if (c.status() == 101) {
            assertEquals(HandshakeWire.acceptFor(SecurityCase.KEY), reply.header("Sec-WebSocket-Accept"));
            if (c.has("opens")) {
                assertEquals("opened", HandshakeWire.firstTextFrame(reply.after()),
                        () -> "onOpen's frame follows the 101; after it came: " + HandshakeWire.describe(reply.after()));
            }
            return;
        }
        assertNull(reply.header("Sec-WebSocket-Accept"), reply.toString());
        assertEquals(0, reply.after().length, "bytes after a refused handshake (a listener ran?): " + reply);
        assertJsonError(c.name(), reply.body());
    }

    /** An error reply is the expected status, and its body names no class, package, frame or library. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("errorBody")
    void anErrorBodyNamesNoClass(SecurityCase c) throws Exception {
        c.differences().forEach(d -> d.skipOn(kind));
        RawHttp.Reply reply = RawHttp.exchange(deployment.port(), c.request(deployment.port()), LONG_READ);

        assertEquals(c.status(), reply.status(), c.name() + ": " + reply.body());
        Disclosure.assertNone(c.name(), reply.body());
    }

    /**
     * An empty or malformed {@code Host} is 400 and no handler runs; a valid one reaches the handler, whose URL then
     * carries a non-empty authority.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("host")
    void anEmptyOrMalformedHostIs400(SecurityCase c) throws Exception {
        if (c.has("embedded")) {
            assumeTrue(kind == ContainerKind.JETTY || kind == ContainerKind.TOMCAT,
                    "the server in front parses Host before the WAR; the embedded containers show Fetchlet's rule");
        }
        String key = "host-" + UUID.randomUUID();
        RawHttp.Reply reply = RawHttp.exchange(deployment.port(), c.request(deployment.port(), key), LONG_READ);

        assertEquals(c.status(), reply.status(), c.name() + ": " + reply.body());
        Disclosure.assertNone(c.name(), reply.body());
        if (c.has("counted")) {
            assertEquals(0, calls(key), c.name() + ": a handler ran for a request with a malformed Host");
        }
        if (c.status() == 200) {
            String url = JSON.readTree(reply.body()).get("url").asText();
            assertTrue(url.startsWith("http://") && !url.startsWith("http://:") && !url.startsWith("http:///"),
                    c.name() + ": the handler's URL has no authority: " + url);
        }
    }

    private int calls(String key) throws Exception {
        RawHttp.Reply peek = RawHttp.exchange(deployment.port(), RawHttp.crlf("""
                GET /conformance/count/peek?key=%s HTTP/1.1
                Host: 127.0.0.1
                Connection: close

                """.formatted(key)));
        return JSON.readTree(peek.body()).get("calls").asInt();
    }

    private static void assertJsonError(String what, String body) throws Exception {
        assertTrue(body.startsWith("{"), what + ": Fetchlet's JSON error: " + body);
        JsonNode error = JSON.readTree(body);
        assertNotNull(error.get("error"), body);
        assertFalse(error.path("message").asText().isEmpty(), what + ": the error says why: " + body);
        Disclosure.assertNone(what, body);
    }
}
