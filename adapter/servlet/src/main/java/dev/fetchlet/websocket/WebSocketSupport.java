package dev.fetchlet.websocket;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What can be asked about WebSocket without loading the Jakarta WebSocket API. A servlet container may come
 * without it (a bare servlet engine, or a function served from a class path that has no WebSocket jars), and
 * HTTP routes must deploy and answer all the same; so the glue asks here before touching any class that links
 * against {@code jakarta.websocket}.
 *
 * <pre>{@code
 * if (WebSocketSupport.isAvailable(servletContext.getClassLoader())) {
 *     servletContext.addListener(RegisteredEndpointUpgrade.registration(config.webSocketIdleTimeout()));
 * }
 * }</pre>
 */
public final class WebSocketSupport {
    private static final String SERVER_CONTAINER_CLASS = "jakarta.websocket.server.ServerContainer";

    private WebSocketSupport() {
    }

    /** Whether the Jakarta WebSocket server API can be loaded through {@code loader}. */
    public static boolean isAvailable(ClassLoader loader) {
        try {
            Class.forName(SERVER_CONTAINER_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Whether the request asks for a WebSocket: its {@code Upgrade} header lists {@code websocket}, whatever the
     * method. Whether it is a valid handshake is {@link HandshakeCheck}'s question.
     */
    public static boolean asksForWebSocket(HttpServletRequest req) {
        for (var values = req.getHeaders("Upgrade"); values.hasMoreElements(); ) {
            for (String token : values.nextElement().split(",")) {
                if (token.trim().equalsIgnoreCase("websocket")) {
                    return true;
                }
            }
        }
        return false;
    }
}
