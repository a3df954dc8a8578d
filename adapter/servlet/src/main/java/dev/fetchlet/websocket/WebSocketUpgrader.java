package dev.fetchlet.websocket;

import dev.fetchlet.Context;
import dev.fetchlet.WebSocketOptions;
import dev.fetchlet.WebSocketUpgrade;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Hands a request over to a {@link dev.fetchlet.WebSocketListener} through the standard Jakarta WebSocket 2.1
 * {@link ServerContainer#upgradeHttpToWebSocket}: Fetchlet's own route table has already chosen the handler,
 * so no endpoint is registered with the container, and no container-specific API is needed.
 *
 * <p>Used by the servlet glue when a handler returns {@link dev.fetchlet.Response#webSocket}; not meant to be
 * called by applications.
 */
public final class WebSocketUpgrader {
    /** The servlet context attribute under which Jakarta WebSocket 2.1 containers publish their container. */
    public static final String SERVER_CONTAINER_ATTRIBUTE = "jakarta.websocket.server.ServerContainer";

    // The container needs a path for the endpoint configuration; routing is already done, so any fixed one does.
    private static final String ENDPOINT_PATH = "/fetchlet-websocket";

    private WebSocketUpgrader() {
    }

    /**
     * Upgrades the connection; the listener's {@code onOpen} follows once the handshake is answered.
     *
     * @param defaultMaxMessage  the deployment's message size limit, for options that set none
     * @param defaultIdleTimeout the deployment's idle timeout, for options that set none
     * @param source             the handler class, for logs
     * @throws ServletException when the container offers no Jakarta WebSocket or refuses the endpoint
     */
    public static void upgrade(HttpServletRequest req, HttpServletResponse res, Context context,
                               WebSocketUpgrade upgrade, long defaultMaxMessage, Duration defaultIdleTimeout,
                               String source) throws IOException, ServletException {
        Object attribute = req.getServletContext().getAttribute(SERVER_CONTAINER_ATTRIBUTE);
        if (!(attribute instanceof ServerContainer container)) {
            throw new ServletException("This servlet container offers no Jakarta WebSocket ServerContainer (attribute "
                    + SERVER_CONTAINER_ATTRIBUTE + "), so " + source + " cannot accept WebSocket connections");
        }
        WebSocketOptions options = upgrade.options();
        ListenerEndpoint endpoint = new ListenerEndpoint(upgrade.listener(), context,
                options.maxMessageSize() > 0 ? options.maxMessageSize() : defaultMaxMessage,
                options.idleTimeout() != null ? options.idleTimeout() : defaultIdleTimeout,
                source);
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(ListenerEndpoint.class, ENDPOINT_PATH)
                .subprotocols(options.subprotocols())
                .configurator(new OneEndpoint(endpoint))
                .build();
        try {
            if (RegisteredEndpointUpgrade.isNeeded(container)) {
                RegisteredEndpointUpgrade.upgrade(container, req, res, endpoint, options.subprotocols());
            } else {
                container.upgradeHttpToWebSocket(req, res, config, Map.of());
            }
        } catch (DeploymentException e) {
            throw new ServletException("WebSocket upgrade for " + source + " refused: " + e.getMessage(), e);
        }
    }

    /** Hands the container the endpoint made for this one connection, and picks the subprotocol. */
    private static final class OneEndpoint extends ServerEndpointConfig.Configurator {
        private final ListenerEndpoint endpoint;

        OneEndpoint(ListenerEndpoint endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return endpointClass.cast(endpoint);
        }

        /** The first subprotocol the client offers that the endpoint accepts (the client's preference wins). */
        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            for (String offered : requested) {
                if (supported.contains(offered)) {
                    return offered;
                }
            }
            return "";
        }

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return true; // Fetchlet's OriginCheck has already decided, the same on every container
        }
    }
}
