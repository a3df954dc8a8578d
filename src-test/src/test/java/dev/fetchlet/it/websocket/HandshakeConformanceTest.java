package dev.fetchlet.it.websocket;

import static dev.fetchlet.it.harness.ServerDifference.UPGRADE_REPLY_WITHOUT_LENGTH;
import static dev.fetchlet.it.harness.ServerDifference.UPGRADE_WITHOUT_CONNECTION_ANSWERED_BY_SERVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Deployment;
import dev.fetchlet.it.harness.Deployments;
import dev.fetchlet.it.harness.OnEachContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of RFC 6455 opening handshakes, valid and invalid, written byte for byte to the example's chat and
 * WebSocket routes. An invalid one never gets 101 and never 500: 400 for a bad key, HTTP/1.0, a method other than
 * GET or a {@code Connection} without {@code upgrade}; 426 with {@code Sec-WebSocket-Version: 13} for a missing
 * or unsupported version. No listener runs (a watcher in the chat room sees no one join), no frame follows the
 * reply, and the server goes on serving. Valid handshakes, with or without optional headers, still get 101.
 */
@OnEachContainer
class HandshakeConformanceTest {
    /** RFC 6455, section 1.3's sample key. */
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The header a 426 for a missing or unsupported version must carry (RFC 6455, section 4.4). */
    private static final String ASK_FOR_VERSION = "Sec-WebSocket-Version: 13";

    private final ContainerKind kind;
    private final Deployment deployment;

    HandshakeConformanceTest(ContainerKind kind) {
        this.kind = kind;
        this.deployment = Deployments.of(kind);
    }

    /** A handshake: request line parts and header fields after {@code Host}. */
    record Handshake(String method, String version, List<String> headers) {
        String to(String target) {
            StringBuilder s = new StringBuilder(method).append(' ').append(target).append(' ').append(version)
                    .append("\r\nHost: 127.0.0.1\r\n");
            headers.forEach(h -> s.append(h).append("\r\n"));
            return s.append("\r\n").toString();
        }
    }

    /** A valid handshake's fields, with {@code changes} applied: "Name: value" replaces, "-Name" removes, "+Name: v" adds. */
    private static Handshake get(String version, String... changes) {
        return handshake("GET", version, changes);
    }

    private static Handshake handshake(String method, String version, String... changes) {
        List<String> headers = new ArrayList<>(List.of("Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Key: " + KEY, "Sec-WebSocket-Version: 13"));
        for (String change : changes) {
            if (change.startsWith("-")) {
                headers.removeIf(h -> h.regionMatches(true, 0, change.substring(1) + ":", 0, change.length()));
            } else if (change.startsWith("+")) {
                headers.add(change.substring(1));
            } else {
                String name = change.substring(0, change.indexOf(':') + 1);
                headers.replaceAll(h -> h.regionMatches(true, 0, name, 0, name.length()) ? change : h);
            }
        }
        return new Handshake(method, version, headers);
    }

    private static Arguments refused(String name, int status, Handshake handshake) {
        return Arguments.of(Named.of(name, handshake), status, status == 426 ? ASK_FOR_VERSION : null);
    }

    /** The 426 of a request that is no WebSocket handshake: the route names the protocol to switch to. */
    private static Arguments notAskingForWebSocket(String name, Handshake handshake) {
        return Arguments.of(Named.of(name, handshake), 426, "Upgrade: websocket");
    }

    static Stream<Arguments> invalidHandshakes() {
        return Stream.of(
                // Sec-WebSocket-Key (RFC 6455 4.1 item 7, 4.2.1 item 5; 11.3.1: at most once): 400
                refused("key missing", 400, get("HTTP/1.1", "-Sec-WebSocket-Key")),
                refused("key empty", 400, get("HTTP/1.1", "Sec-WebSocket-Key: ")),
                refused("key of 15 bytes", 400, get("HTTP/1.1", "Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAA")),
                refused("key of 17 bytes", 400, get("HTTP/1.1", "Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAAA=")),
                refused("key of 18 bytes", 400, get("HTTP/1.1", "Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAAAA")),
                refused("key without padding", 400, get("HTTP/1.1", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ")),
                refused("key not base64", 400, get("HTTP/1.1", "Sec-WebSocket-Key: not-base64-at-all!!!!!!")),
                refused("key twice", 400, get("HTTP/1.1", "+Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==")),
                refused("key list", 400, get("HTTP/1.1", "Sec-WebSocket-Key: " + KEY + ", " + KEY)),
                // Sec-WebSocket-Version (4.2.1 item 6, 4.4): missing or other than 13 is 426; twice (11.3.5) 400
                refused("version missing", 426, get("HTTP/1.1", "-Sec-WebSocket-Version")),
                refused("version 8", 426, get("HTTP/1.1", "Sec-WebSocket-Version: 8")),
                refused("version 14", 426, get("HTTP/1.1", "Sec-WebSocket-Version: 14")),
                refused("version not a number", 426, get("HTTP/1.1", "Sec-WebSocket-Version: thirteen")),
                refused("version list", 426, get("HTTP/1.1", "Sec-WebSocket-Version: 13, 8")),
                refused("version twice", 400, get("HTTP/1.1", "+Sec-WebSocket-Version: 8")),
                // the request (4.1 items 1 and 2, 4.2.1 item 1): HTTP/1.1 GET only
                refused("HTTP/1.0", 400, get("HTTP/1.0")),
                refused("HTTP/1.0, no key", 400, get("HTTP/1.0", "-Sec-WebSocket-Key")),
                // Connection (4.2.1 item 4): must list upgrade
                refused("Connection without upgrade", 400, get("HTTP/1.1", "Connection: keep-alive")),
                refused("Connection missing", 400, get("HTTP/1.1", "-Connection")),
                // not asking for websocket at all (4.2.1 item 3): the route's 426 with Upgrade: websocket
                notAskingForWebSocket("Upgrade not websocket", get("HTTP/1.1", "Upgrade: web-socket")),
                notAskingForWebSocket("Upgrade missing", get("HTTP/1.1", "-Upgrade")));
    }

    static Stream<Arguments> otherMethods() {
        return Stream.of("POST", "PUT", "DELETE", "HEAD")
                .map(m -> Arguments.of(Named.of(m, handshake(m, "HTTP/1.1", "+Content-Length: 0"))));
    }

    static Stream<Arguments> validHandshakes() {
        return Stream.of(
                valid("minimal", get("HTTP/1.1")),
                valid("header names in lower case", new Handshake("GET", "HTTP/1.1", List.of("upgrade: websocket",
                        "connection: upgrade", "sec-websocket-key: " + KEY, "sec-websocket-version: 13"))),
                valid("tokens in other case", get("HTTP/1.1", "Upgrade: WebSocket", "Connection: UPGRADE")),
                valid("Connection list", get("HTTP/1.1", "Connection: keep-alive, Upgrade")),
                valid("another key", get("HTTP/1.1", "Sec-WebSocket-Key: /////////////////////w==")),
                valid("optional headers", get("HTTP/1.1", "+Origin: http://127.0.0.1",
                        "+Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits",
                        "+Sec-WebSocket-Protocol: chat", "+User-Agent: corpus/1")));
    }

    private static Arguments valid(String name, Handshake handshake) {
        return Arguments.of(Named.of(name, handshake));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidHandshakes")
    void anInvalidHandshakeIsRefusedAndOpensNothing(Handshake handshake, int status, String header) throws Exception {
        String room = "handshake-" + UUID.randomUUID();
        try (WsClient watcher = joined(room, "watcher")) {
            HandshakeWire.Reply reply = HandshakeWire.send(deployment.port(), handshake.to("/chat/" + room + "?name=intruder"));

            boolean missesConnectionUpgrade = handshake.headers().stream().noneMatch(h -> h.equals("Connection: Upgrade"));
            if (missesConnectionUpgrade && UPGRADE_WITHOUT_CONNECTION_ANSWERED_BY_SERVER.appliesTo(kind)) {
                // the server's own 400 page: still no 101, no listener, and the server goes on (checked below)
                assertEquals(400, reply.status(), reply.toString());
                assertEquals(0, reply.after().length, reply.toString());
                assertFalse(reply.body().contains("Exception"), reply.body());
            } else {
                assertRefusedWith(status, reply);
            }
            if (header != null) {
                String name = header.substring(0, header.indexOf(':'));
                assertEquals(header, name + ": " + reply.header(name), reply.toString());
            }
            if (reply.header("Upgrade") != null && !UPGRADE_REPLY_WITHOUT_LENGTH.appliesTo(kind)) {
                assertNotNull(reply.header("Content-Length"), "a 426 naming Upgrade has a framed body: " + reply);
            }
            // A member joining after the refusal is the first join the watcher hears of: the intruder never opened.
            try (WsClient sentinel = WsClient.connect(deployment, "/chat/" + room + "?name=sentinel")) {
                String join = watcher.nextTextMatching(t -> t.contains("\"join\""));
                assertTrue(join.contains("\"sentinel\""), "a listener ran for the refused handshake: " + join);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherMethods")
    void aHandshakeWithAnotherMethodIs400(Handshake handshake) throws Exception {
        HandshakeWire.Reply reply = HandshakeWire.send(deployment.port(), handshake.to("/conformance/ws/any-method"));

        assertRefusedWith(400, reply);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherMethods")
    void aHandshakeWithAMethodTheRouteLacksIs400NotA405(Handshake handshake) throws Exception {
        String room = "handshake-" + UUID.randomUUID();
        HandshakeWire.Reply reply = HandshakeWire.send(deployment.port(), handshake.to("/chat/" + room));

        // A non-GET handshake is a malformed handshake, whether or not the route has a handler for the method.
        assertRefusedWith(400, reply);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validHandshakes")
    void aValidHandshakeIsAcceptedAndOpens(Handshake handshake) throws Exception {
        HandshakeWire.Reply reply = HandshakeWire.send(deployment.port(), handshake.to("/conformance/ws/any-method"));

        assertEquals(101, reply.status(), reply.toString());
        assertEquals(HandshakeWire.acceptFor(handshakeKey(handshake)), reply.header("Sec-WebSocket-Accept"));
        assertEquals("opened", HandshakeWire.firstTextFrame(reply.after()), "onOpen's frame follows the 101");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validHandshakes")
    void aValidHandshakeJoinsTheChat(Handshake handshake) throws Exception {
        String room = "handshake-" + UUID.randomUUID();
        try (WsClient watcher = joined(room, "watcher")) {
            HandshakeWire.Reply reply = HandshakeWire.send(deployment.port(), handshake.to("/chat/" + room + "?name=raw"));

            assertEquals(101, reply.status(), reply.toString());
            assertTrue(watcher.nextTextMatching(t -> t.contains("\"join\"")).contains("\"raw\""));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subprotocolOffers")
    void aSubprotocolIsNegotiatedInTheRawHandshake(String offer, String agreed) throws Exception {
        HandshakeWire.Reply reply = HandshakeWire.send(deployment.port(),
                get("HTTP/1.1", "+Sec-WebSocket-Protocol: " + offer).to("/conformance/ws/subprotocol"));

        assertEquals(101, reply.status(), reply.toString());
        assertEquals(agreed.equals("none") ? null : agreed, reply.header("Sec-WebSocket-Protocol"));
        assertEquals(agreed, HandshakeWire.firstTextFrame(reply.after()));
    }

    static Stream<Arguments> subprotocolOffers() {
        return Stream.of(Arguments.of("chat.v1, chat.v2", "chat.v1"), Arguments.of("other, chat.v2", "chat.v2"),
                Arguments.of("other", "none"));
    }

    private static String handshakeKey(Handshake handshake) {
        return handshake.headers().stream().filter(h -> h.toLowerCase().startsWith("sec-websocket-key:"))
                .map(h -> h.substring(h.indexOf(':') + 1).trim()).findFirst().orElseThrow();
    }

    /** The refusal's status, JSON body and headers; and that nothing but the reply came on the connection. */
    private void assertRefusedWith(int status, HandshakeWire.Reply reply) throws Exception {
        assertEquals(status, reply.status(), reply.toString());
        assertNull(reply.header("Sec-WebSocket-Accept"), reply.toString());
        assertEquals(0, reply.after().length, "bytes after a refused handshake: " + reply);
        if (!reply.body().isEmpty()) { // a HEAD reply has none
            assertTrue(reply.body().startsWith("{"), "Fetchlet's JSON error: " + reply);
            JsonNode error = JSON.readTree(reply.body());
            assertNotNull(error.get("error"), reply.body());
            assertFalse(reply.body().contains("Exception") || reply.body().contains("java."), reply.body());
        }
        assertEquals(101, HandshakeWire.send(deployment.port(), get("HTTP/1.1").to("/conformance/ws/echo")).status(),
                "the server still upgrades after the refusal");
    }

    /** A chat member whose own join notice has arrived: from then on the room's joins reach it. */
    private WsClient joined(String room, String name) throws InterruptedException {
        WsClient client = WsClient.connect(deployment, "/chat/" + room + "?name=" + name);
        try {
            client.nextTextMatching(t -> t.contains("\"join\"") && t.contains("\"" + name + "\""));
            return client;
        } catch (InterruptedException | RuntimeException | Error e) {
            client.close();
            throw e;
        }
    }
}
