package dev.fetchlet.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandshakeCheckTest {
    /** RFC 6455, section 1.3's sample key. */
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    /** A valid handshake's fields; tests change one thing. */
    private final Map<String, List<String>> headers = new LinkedHashMap<>(Map.of(
            "upgrade", List.of("websocket"),
            "connection", List.of("Upgrade"),
            "sec-websocket-version", List.of("13"),
            "sec-websocket-key", List.of(KEY)));

    private HandshakeCheck.Refusal check(String method, String protocol) {
        return HandshakeCheck.check(method, protocol,
                name -> headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }

    private HandshakeCheck.Refusal check() {
        return check("GET", "HTTP/1.1");
    }

    private void set(String name, String... fields) {
        headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(List.of(fields)));
    }

    private void assertRefused(int status, HandshakeCheck.Refusal refusal) {
        assertNotNull(refusal, "handshake accepted");
        assertEquals(status, refusal.status(), refusal.message());
        assertEquals(status == 426, refusal.askForVersion());
        assertFalse(refusal.message().contains("Exception"), refusal.message());
    }

    @Test
    void aValidHandshakeIsAccepted() {
        assertNull(check());
    }

    @Test
    void optionalHeadersAndTokenListsAreAccepted() {
        set("Connection", "keep-alive, Upgrade");
        set("Sec-WebSocket-Protocol", "chat.v2, chat.v1");
        set("Sec-WebSocket-Extensions", "permessage-deflate");
        set("Sec-WebSocket-Key", " " + KEY + " ");
        assertNull(check());
        set("Connection", "keep-alive", "UPGRADE");
        assertNull(check());
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "HEAD", "PUT", "OPTIONS", "get"})
    void aMethodOtherThanGetIs400(String method) {
        assertRefused(400, check(method, "HTTP/1.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.0", "HTTP/0.9", "HTTP/2.0"})
    void anotherProtocolVersionIs400(String protocol) {
        assertRefused(400, check("GET", protocol));
    }

    @Test
    void connectionWithoutTheUpgradeTokenIs400() {
        set("Connection", "keep-alive");
        assertRefused(400, check());
        set("Connection", "upgraded");
        assertRefused(400, check());
        headers.remove("connection");
        assertRefused(400, check());
    }

    @Test
    void aMissingVersionIs426() {
        headers.remove("sec-websocket-version");
        assertRefused(426, check());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8", "12", "14", "13, 8", "013", "", "thirteen"})
    void anUnsupportedVersionIs426(String version) {
        set("Sec-WebSocket-Version", version);
        assertRefused(426, check());
    }

    @Test
    void severalVersionFieldsAre400() {
        set("Sec-WebSocket-Version", "13", "13");
        assertRefused(400, check());
    }

    @Test
    void aMissingKeyIs400() {
        headers.remove("sec-websocket-key");
        assertRefused(400, check());
    }

    @Test
    void severalKeyFieldsAre400() {
        set("Sec-WebSocket-Key", KEY, KEY);
        assertRefused(400, check());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25jZQ=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",
            "AAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAB==", "dGhlIHNhbXBsZSBub25jZQ==,dGhlIHNhbXBsZSBub25jZQ==",
            "dGhlIHNhbXBsZSBub25j-_==", "dGhlIHNhbXBs ZSBub25jZQ==", "AAAAAAAAAAAAAAAAAAAA", "not base64 at all!!!!!!!"})
    void aKeyThatIsNotSixteenBytesOfBase64Is400(String key) {
        set("Sec-WebSocket-Key", key);
        assertRefused(400, check());
    }

    @Test
    void keysAreBase64OfExactlySixteenBytes() {
        assertTrue(HandshakeCheck.isKey("AAAAAAAAAAAAAAAAAAAAAA=="));
        assertTrue(HandshakeCheck.isKey("/////////////////////w=="));
        assertFalse(HandshakeCheck.isKey("AAAAAAAAAAAAAAAAAAAAAAAA")); // 18 bytes
        assertFalse(HandshakeCheck.isKey("AAAAAAAAAAAAAAAAAAAA")); // 15 bytes
    }
}
