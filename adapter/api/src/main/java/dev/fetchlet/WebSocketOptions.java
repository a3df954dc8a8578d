package dev.fetchlet;

import dev.fetchlet.internal.HttpTokens;
import dev.fetchlet.internal.WebOrigin;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of one WebSocket upgrade; anything not set here takes the deployment's default. Immutable: each
 * method returns a changed copy.
 *
 * <pre>{@code
 * return Response.webSocket(new Feed(), WebSocketOptions.defaults()
 *         .subprotocols("feed.v2", "feed.v1")    // accepted subprotocols
 *         .maxMessageSize(64 * 1024)              // larger incoming messages close with 1009
 *         .idleTimeout(Duration.ofMinutes(10))    // no frame either way for this long closes the connection
 *         .allowedOrigins("https://app.example")); // pages there may connect too, besides this site's own
 * }</pre>
 *
 * <table>
 *   <caption>Deployment defaults</caption>
 *   <tr><th>setting</th><th>configuration key</th><th>default</th></tr>
 *   <tr><td>largest incoming message</td><td>{@code FUNC_WS_MAX_MESSAGE}</td><td>{@code 1MB}</td></tr>
 *   <tr><td>idle timeout</td><td>{@code FUNC_WS_IDLE_TIMEOUT}</td><td>{@code 5m} ({@code 0}: never)</td></tr>
 *   <tr><td>other origins allowed</td><td>{@code FUNC_WS_ALLOWED_ORIGINS}</td><td>none (same origin only)</td></tr>
 * </table>
 *
 * <p>Origins: a handshake from a browser carries the page's {@code Origin}. It is accepted when that is the
 * site's own origin (scheme, host and port as the client addressed the server; a trusted proxy's forwarded ones
 * count), or is listed in {@code FUNC_WS_ALLOWED_ORIGINS} or in {@link #allowedOrigins(String...)}; anything else,
 * {@code Origin: null} included, is answered 403 before the listener runs. A handshake without {@code Origin} (not
 * a browser) is accepted.
 *
 * <p>Subprotocols: the client offers a list ({@code Sec-WebSocket-Protocol}); the first one it offers that is
 * also in {@link #subprotocols(String...)} is selected and reported by {@link WebSocketSession#subprotocol()}.
 * When none matches, or none is set here, the connection opens without a subprotocol (a browser that insisted
 * on one then closes it itself).
 */
public final class WebSocketOptions {
    private static final WebSocketOptions DEFAULTS = new WebSocketOptions(List.of(), -1, null, List.of());

    private final List<String> subprotocols;
    private final long maxMessageSize;
    private final Duration idleTimeout;
    private final List<String> allowedOrigins;

    private WebSocketOptions(List<String> subprotocols, long maxMessageSize, Duration idleTimeout,
                             List<String> allowedOrigins) {
        this.subprotocols = subprotocols;
        this.maxMessageSize = maxMessageSize;
        this.idleTimeout = idleTimeout;
        this.allowedOrigins = allowedOrigins;
    }

    /** Nothing set: every setting is the deployment's default. */
    public static WebSocketOptions defaults() {
        return DEFAULTS;
    }

    /** The subprotocols this endpoint speaks; the client's preference decides among them. */
    public WebSocketOptions subprotocols(String... names) {
        List<String> list = List.of(names);
        for (String name : list) {
            if (!HttpTokens.isToken(name)) {
                throw new IllegalArgumentException("not a subprotocol token: '" + name + "'");
            }
        }
        return new WebSocketOptions(list, maxMessageSize, idleTimeout, allowedOrigins);
    }

    /** The largest incoming message, text (counted as UTF-8) or binary, in bytes; a larger one closes with 1009. */
    public WebSocketOptions maxMessageSize(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("maxMessageSize must be positive: " + bytes);
        }
        return new WebSocketOptions(subprotocols, bytes, idleTimeout, allowedOrigins);
    }

    /** How long the connection may go without a frame either way before it is closed; zero for never. */
    public WebSocketOptions idleTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must not be negative: " + timeout);
        }
        return new WebSocketOptions(subprotocols, maxMessageSize, timeout, allowedOrigins);
    }

    /**
     * Origins whose pages may open this WebSocket besides the site's own, added to the deployment's
     * {@code FUNC_WS_ALLOWED_ORIGINS}: exact origins such as {@code https://app.example} or
     * {@code http://localhost:5173} (scheme, host and port; the default port may be left out), {@code "null"} for
     * the opaque origin of a sandboxed frame or a {@code file:} page, or {@code "*"} for any origin (no check).
     *
     * <pre>{@code
     * WebSocketOptions.defaults().allowedOrigins("https://app.example", "https://admin.example:8443")
     * }</pre>
     *
     * @throws IllegalArgumentException for an entry that is none of these (a path, a bare host name, ...)
     */
    public WebSocketOptions allowedOrigins(String... origins) {
        List<String> list = List.of(origins);
        for (String origin : list) {
            if (!origin.equals("*") && !origin.equals("null") && WebOrigin.parse(origin) == null) {
                throw new IllegalArgumentException("not an origin: '" + origin
                        + "'; write scheme://host or scheme://host:port (no path), \"null\" or \"*\"");
            }
        }
        return new WebSocketOptions(subprotocols, maxMessageSize, idleTimeout, list);
    }

    /** The origins this upgrade allows besides the site's own and the deployment's list; empty when none. */
    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** The accepted subprotocols; empty when none. */
    public List<String> subprotocols() {
        return subprotocols;
    }

    /** The largest incoming message in bytes, or -1 for the deployment's default. */
    public long maxMessageSize() {
        return maxMessageSize;
    }

    /** The idle timeout, or null for the deployment's default. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    @Override
    public String toString() {
        return "WebSocketOptions{subprotocols=" + subprotocols + ", maxMessageSize=" + maxMessageSize
                + ", idleTimeout=" + idleTimeout + ", allowedOrigins=" + allowedOrigins + "}";
    }
}
