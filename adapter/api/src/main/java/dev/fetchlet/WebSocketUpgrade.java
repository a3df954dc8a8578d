package dev.fetchlet;

import java.util.Objects;

/**
 * What an upgrade response carries: the listener that takes over the connection and its options. Read it from
 * {@link Response#webSocketUpgrade()}, for instance in a handler's unit test:
 *
 * <pre>{@code
 * Response r = new Chat().onRequestGet(ctx);
 * WebSocketUpgrade upgrade = r.webSocketUpgrade();
 * assertNotNull(upgrade);
 * }</pre>
 *
 * @param listener the connection's listener
 * @param options  settings of this upgrade
 */
public record WebSocketUpgrade(WebSocketListener listener, WebSocketOptions options) {
    public WebSocketUpgrade {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(options, "options");
    }
}
