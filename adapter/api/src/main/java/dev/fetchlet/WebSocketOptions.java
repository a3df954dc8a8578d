package dev.fetchlet;

import dev.fetchlet.internal.HttpTokens;
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
 *         .idleTimeout(Duration.ofMinutes(10)));  // no frame either way for this long closes the connection
 * }</pre>
 *
 * <table>
 *   <caption>Deployment defaults</caption>
 *   <tr><th>setting</th><th>configuration key</th><th>default</th></tr>
 *   <tr><td>largest incoming message</td><td>{@code FUNC_WS_MAX_MESSAGE}</td><td>{@code 1MB}</td></tr>
 *   <tr><td>idle timeout</td><td>{@code FUNC_WS_IDLE_TIMEOUT}</td><td>{@code 5m} ({@code 0}: never)</td></tr>
 * </table>
 *
 * <p>Subprotocols: the client offers a list ({@code Sec-WebSocket-Protocol}); the first one it offers that is
 * also in {@link #subprotocols(String...)} is selected and reported by {@link WebSocketSession#subprotocol()}.
 * When none matches, or none is set here, the connection opens without a subprotocol (a browser that insisted
 * on one then closes it itself).
 */
public final class WebSocketOptions {
    private static final WebSocketOptions DEFAULTS = new WebSocketOptions(List.of(), -1, null);

    private final List<String> subprotocols;
    private final long maxMessageSize;
    private final Duration idleTimeout;

    private WebSocketOptions(List<String> subprotocols, long maxMessageSize, Duration idleTimeout) {
        this.subprotocols = subprotocols;
        this.maxMessageSize = maxMessageSize;
        this.idleTimeout = idleTimeout;
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
        return new WebSocketOptions(list, maxMessageSize, idleTimeout);
    }

    /** The largest incoming message, text (counted as UTF-8) or binary, in bytes; a larger one closes with 1009. */
    public WebSocketOptions maxMessageSize(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("maxMessageSize must be positive: " + bytes);
        }
        return new WebSocketOptions(subprotocols, bytes, idleTimeout);
    }

    /** How long the connection may go without a frame either way before it is closed; zero for never. */
    public WebSocketOptions idleTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must not be negative: " + timeout);
        }
        return new WebSocketOptions(subprotocols, maxMessageSize, timeout);
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
                + ", idleTimeout=" + idleTimeout + "}";
    }
}
