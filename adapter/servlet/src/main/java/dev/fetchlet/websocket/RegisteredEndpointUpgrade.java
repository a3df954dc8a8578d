package dev.fetchlet.websocket;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebSocket upgrades on containers whose {@link ServerContainer#upgradeHttpToWebSocket} only reaches endpoints
 * registered at deployment: Eclipse Tyrus (GlassFish, Payara) looks the given configuration's path up among its
 * registered endpoints and ignores the configuration itself, so the per-connection endpoint Fetchlet passes
 * would never be called and the request would end as a plain 200.
 *
 * <p>On such a container one {@link DispatchingEndpoint} is registered at deployment under {@value #PATH}; each
 * upgrade parks its connection's endpoint under a fresh id, and passes the id as that path's parameter, which
 * the container hands back in the session's path parameters when the connection opens.
 *
 * <pre>{@code
 * // at deployment
 * servletContext.addListener(RegisteredEndpointUpgrade.registration(config.webSocketIdleTimeout()));
 * // at each upgrade
 * if (RegisteredEndpointUpgrade.isNeeded(container)) {
 *     RegisteredEndpointUpgrade.upgrade(container, req, res, endpoint, subprotocols);
 * }
 * }</pre>
 */
public final class RegisteredEndpointUpgrade {
    /** The path the dispatching endpoint is registered under; never matched by a client's own request path. */
    static final String PATH = "/fetchlet-websocket/{" + DispatchingEndpoint.CONNECTION_PARAMETER + "}";

    /** An upgrade whose connection never opened (the client went away mid-handshake) is forgotten after this. */
    private static final Duration PENDING_LIFETIME = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet.websocket");
    private static final Map<String, Pending> PENDING = new ConcurrentHashMap<>();
    /** The connection being upgraded on this thread, for the subprotocol choice made during the handshake. */
    private static final ThreadLocal<Pending> HANDSHAKING = new ThreadLocal<>();

    private RegisteredEndpointUpgrade() {
    }

    /** Whether {@code container} only upgrades to endpoints registered at deployment. */
    public static boolean isNeeded(ServerContainer container) {
        return container.getClass().getName().startsWith("org.glassfish.tyrus.");
    }

    /**
     * A listener that registers the dispatching endpoint once the web app's initializers have run (the
     * container's WebSocket initializer may run after Fetchlet's); it does nothing on other containers.
     *
     * <p>Where the container's default session idle timeout is 0 (never), it also becomes
     * {@code defaultIdleTimeout}, the deployment's WebSocket idle timeout. Tyrus builds each session with the
     * container's default and, for 0, schedules an idle check with no delay; that check closes the session if it
     * finds a timeout set by then, which the route's timeout set while the session opens could be. Born with a
     * non-zero timeout, a session's first check lies that far ahead, and setting the route's own timeout cancels
     * it safely.
     *
     * @param defaultIdleTimeout the deployment's WebSocket idle timeout ({@code FUNC_WS_IDLE_TIMEOUT})
     */
    public static ServletContextListener registration(Duration defaultIdleTimeout) {
        return new Registration(ListenerEndpoint.containerMillis(defaultIdleTimeout));
    }

    /** Upgrades the request to {@code endpoint} through the registered dispatching endpoint. */
    public static void upgrade(ServerContainer container, HttpServletRequest req, HttpServletResponse res,
                               ListenerEndpoint endpoint, List<String> subprotocols)
            throws IOException, DeploymentException {
        forgetStale();
        String id = UUID.randomUUID().toString();
        Pending pending = new Pending(endpoint, List.copyOf(subprotocols), System.nanoTime());
        PENDING.put(id, pending);
        HANDSHAKING.set(pending);
        try {
            container.upgradeHttpToWebSocket(req, res, dispatcherConfig(),
                    Map.of(DispatchingEndpoint.CONNECTION_PARAMETER, id));
        } catch (IOException | DeploymentException | RuntimeException e) {
            PENDING.remove(id);
            throw e;
        } finally {
            HANDSHAKING.remove();
        }
        if (res.getStatus() >= 400) {
            PENDING.remove(id); // the handshake was refused: no connection will open
        }
    }

    /** The endpoint parked for a connection id, removed as it is taken; {@code null} if none is. */
    static ListenerEndpoint take(String id) {
        Pending pending = id == null ? null : PENDING.remove(id);
        return pending == null ? null : pending.endpoint();
    }

    private static ServerEndpointConfig dispatcherConfig() {
        return ServerEndpointConfig.Builder.create(DispatchingEndpoint.class, PATH)
                .configurator(new DispatcherConfigurator())
                .build();
    }

    private static void forgetStale() {
        long now = System.nanoTime();
        PENDING.values().removeIf(p -> now - p.createdNanos() > PENDING_LIFETIME.toNanos());
    }

    private record Pending(ListenerEndpoint endpoint, List<String> subprotocols, long createdNanos) {
    }

    /** Creates the dispatcher for each connection and picks the subprotocol of the connection being upgraded. */
    private static final class DispatcherConfigurator extends ServerEndpointConfig.Configurator {
        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return endpointClass.cast(new DispatchingEndpoint());
        }

        /** The first subprotocol the client offers that the route accepts, as on the other containers. */
        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            Pending pending = HANDSHAKING.get();
            List<String> accepted = pending == null ? supported : pending.subprotocols();
            for (String offered : requested) {
                if (accepted.contains(offered)) {
                    return offered;
                }
            }
            return "";
        }

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return true; // Fetchlet's OriginCheck has already decided, as on the other containers
        }
    }

    private static final class Registration implements ServletContextListener {
        private final long defaultIdleMillis;

        Registration(long defaultIdleMillis) {
            this.defaultIdleMillis = defaultIdleMillis;
        }

        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServletContext context = event.getServletContext();
            Object attribute = context.getAttribute(WebSocketUpgrader.SERVER_CONTAINER_ATTRIBUTE);
            if (!(attribute instanceof ServerContainer container) || !isNeeded(container)) {
                return;
            }
            if (container.getDefaultMaxSessionIdleTimeout() <= 0 && defaultIdleMillis > 0) {
                container.setDefaultMaxSessionIdleTimeout(defaultIdleMillis);
            }
            try {
                container.addEndpoint(dispatcherConfig());
                LOG.debug("Registered the WebSocket dispatching endpoint at {} for {}", PATH,
                        container.getClass().getName());
            } catch (DeploymentException | RuntimeException e) {
                LOG.warn("WebSocket routes will not upgrade on this container: registering {} failed: {}", PATH,
                        e.toString());
            }
        }
    }
}
