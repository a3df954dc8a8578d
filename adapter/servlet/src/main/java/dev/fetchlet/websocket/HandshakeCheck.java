package dev.fetchlet.websocket;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a WebSocket opening handshake against RFC 6455, section 4.2.1, before the container is asked to
 * upgrade: containers differ on what they refuse (Jetty throws {@link IllegalStateException}, which would be a
 * 500; Tomcat upgrades an HTTP/1.0 request and keys of any length), so Fetchlet decides, the same everywhere.
 *
 * <p>Only asked for requests whose {@code Upgrade} header lists {@code websocket}; a request without it is not a
 * handshake at all and gets 426 with {@code Upgrade: websocket} from the caller.
 *
 * <pre>{@code
 * HandshakeCheck.Refusal refusal = HandshakeCheck.check(req);
 * if (refusal != null) {
 *     // answer refusal.status() with refusal.message(); add Sec-WebSocket-Version: 13 if refusal.askForVersion()
 * }
 * }</pre>
 */
public final class HandshakeCheck {
    /** The only protocol version this server speaks (RFC 6455, section 4.4). */
    public static final String VERSION = "13";

    /** Base64 of exactly 16 bytes: 21 full characters, one that carries 2 bits (low 4 bits zero), then "==". */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9+/]{21}[AQgw]==");

    private HandshakeCheck() {
    }

    /**
     * Why a handshake is refused.
     *
     * @param status       400 for a malformed handshake, 426 for a missing or unsupported version
     * @param message      what was wrong, in plain words, for the error body
     * @param askForVersion whether the answer must carry {@code Sec-WebSocket-Version: 13} (the 426 case)
     */
    public record Refusal(int status, String message, boolean askForVersion) {
        static Refusal bad(String message) {
            return new Refusal(400, message, false);
        }

        static Refusal version(String message) {
            return new Refusal(426, message, true);
        }
    }

    /** Checks a servlet request; {@code null} when the handshake may go to the container. */
    public static Refusal check(HttpServletRequest req) {
        return check(req.getMethod(), req.getProtocol(), name -> {
            var values = req.getHeaders(name);
            return values == null ? List.of() : Collections.list(values);
        });
    }

    /**
     * Checks a handshake given its parts.
     *
     * @param headers every field of a header name, each field's value as received (none: empty list)
     * @return {@code null} when the handshake is valid
     */
    public static Refusal check(String method, String protocol, Function<String, List<String>> headers) {
        if (!"GET".equals(method)) {
            return Refusal.bad("A WebSocket handshake must be a GET request, not " + method);
        }
        if (!"HTTP/1.1".equals(protocol)) {
            // RFC 6455 4.1: HTTP/1.1 or higher; HTTP/2 and 3 handshakes are CONNECT (RFC 8441), never a GET.
            return Refusal.bad("A WebSocket handshake needs HTTP/1.1");
        }
        if (!tokens(headers.apply("Connection")).contains("upgrade")) {
            return Refusal.bad("A WebSocket handshake needs Connection: Upgrade");
        }
        List<String> versions = headers.apply("Sec-WebSocket-Version");
        if (versions.size() > 1) {
            return Refusal.bad("Sec-WebSocket-Version must appear once");
        }
        if (versions.isEmpty()) {
            return Refusal.version("A WebSocket handshake needs Sec-WebSocket-Version: " + VERSION);
        }
        if (!VERSION.equals(versions.get(0).strip())) {
            return Refusal.version("Unsupported Sec-WebSocket-Version: this server speaks version " + VERSION);
        }
        List<String> keys = headers.apply("Sec-WebSocket-Key");
        if (keys.isEmpty()) {
            return Refusal.bad("A WebSocket handshake needs Sec-WebSocket-Key");
        }
        if (keys.size() > 1) {
            return Refusal.bad("Sec-WebSocket-Key must appear once");
        }
        if (!isKey(keys.get(0).strip())) {
            return Refusal.bad("Sec-WebSocket-Key must be 16 bytes in base64 (24 characters)");
        }
        return null;
    }

    /** Whether {@code key} is the base64 encoding of exactly 16 bytes, padding included. */
    static boolean isKey(String key) {
        return KEY.matcher(key).matches() && Base64.getDecoder().decode(key).length == 16;
    }

    /** The comma-separated tokens of every field, lower-cased, empty ones left out. */
    private static List<String> tokens(List<String> fields) {
        List<String> tokens = new ArrayList<>();
        for (String field : fields) {
            for (String token : field.split(",")) {
                String t = token.strip().toLowerCase(Locale.ROOT);
                if (!t.isEmpty()) {
                    tokens.add(t);
                }
            }
        }
        return tokens;
    }
}
