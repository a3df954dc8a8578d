package dev.fetchlet.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;

/**
 * The one endpoint registered with containers that upgrade only to registered endpoints (see
 * {@link RegisteredEndpointUpgrade}): on open it takes the connection's own {@link ListenerEndpoint}, named by
 * the {@value #CONNECTION_PARAMETER} path parameter, and hands every event to it. Keeps no state of its own, so
 * one instance may serve many sessions. Public only because containers instantiate endpoint classes
 * reflectively; not for applications.
 */
public final class DispatchingEndpoint extends Endpoint {
    static final String CONNECTION_PARAMETER = "connection";

    private static final String DELEGATE = DispatchingEndpoint.class.getName() + ".delegate";

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        ListenerEndpoint delegate = RegisteredEndpointUpgrade.take(session.getPathParameters().get(CONNECTION_PARAMETER));
        if (delegate == null) {
            // Not an upgrade Fetchlet made: a client asked for the registered path itself.
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "No such connection"));
            } catch (IOException ignored) {
                // it is going away either way
            }
            return;
        }
        session.getUserProperties().put(DELEGATE, delegate);
        delegate.onOpen(session, config);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        ListenerEndpoint delegate = delegate(session);
        if (delegate != null) {
            delegate.onClose(session, reason);
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        ListenerEndpoint delegate = delegate(session);
        if (delegate != null) {
            delegate.onError(session, error);
        }
    }

    private static ListenerEndpoint delegate(Session session) {
        return (ListenerEndpoint) session.getUserProperties().get(DELEGATE);
    }
}
