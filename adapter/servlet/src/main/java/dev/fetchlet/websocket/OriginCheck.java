package dev.fetchlet.websocket;

import dev.fetchlet.config.AllowedOrigins;
import dev.fetchlet.internal.WebOrigin;
import java.util.List;

/**
 * Refuses cross-site WebSocket hijacking (RFC 6455 section 10.2): a browser lets any page open a WebSocket to any
 * server, with the user's cookies, and says in {@code Origin} which page did. A handshake is accepted when it
 * carries no {@code Origin} (not a browser), when the {@code Origin} is the request's own origin (the scheme, host
 * and port the client addressed, as the deployment resolved them: a trusted proxy's forwarded scheme and host
 * count), or when the deployment's or the route's allow-list names it. Anything else is 403, {@code Origin: null}
 * (a sandboxed frame, a {@code file:} page, a cross-origin redirect) included unless {@code null} is listed, and
 * so is a handshake carrying two {@code Origin} fields.
 *
 * <pre>{@code
 * HandshakeCheck.Refusal refusal = OriginCheck.check(List.of("https://evil.example"), "http", "localhost:8080",
 *         config.webSocketAllowedOrigins(), upgrade.options().allowedOrigins());
 * refusal.status();   // 403, before any listener runs
 * }</pre>
 */
public final class OriginCheck {
    private static final String ROUTE_LIST = "WebSocketOptions.allowedOrigins";

    private OriginCheck() {
    }

    /**
     * Checks a handshake's origin.
     *
     * @param origins     every {@code Origin} field of the request (none: empty list)
     * @param scheme      the request's scheme as resolved (http or https)
     * @param host        the request's host as resolved, {@code host[:port]}
     * @param deployment  the deployment's allow-list
     * @param route       the route's allow-list, as the upgrade's options give it
     * @return {@code null} when the handshake may go on
     */
    public static HandshakeCheck.Refusal check(List<String> origins, String scheme, String host,
                                               AllowedOrigins deployment, List<String> route) {
        if (origins.isEmpty() || deployment.allowsAny() || route.contains("*")) {
            return null;
        }
        if (origins.size() > 1) {
            return refused();
        }
        String origin = origins.get(0);
        WebOrigin own = WebOrigin.of(scheme, host);
        WebOrigin sent = WebOrigin.parse(origin);
        if (sent != null && sent.equals(own)) {
            return null;
        }
        if (deployment.allows(origin) || (!route.isEmpty() && AllowedOrigins.of(ROUTE_LIST, route).allows(origin))) {
            return null;
        }
        return refused();
    }

    private static HandshakeCheck.Refusal refused() {
        return new HandshakeCheck.Refusal(403, "This WebSocket accepts connections from pages of its own origin "
                + "only; other origins must be allowed in FUNC_WS_ALLOWED_ORIGINS or the route's options", false);
    }
}
