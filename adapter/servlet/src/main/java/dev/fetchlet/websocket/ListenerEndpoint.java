package dev.fetchlet.websocket;

import dev.fetchlet.Context;
import dev.fetchlet.WebSocketCloseCodes;
import dev.fetchlet.WebSocketListener;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The Jakarta endpoint of one upgraded connection: turns the container's callbacks into the calls of a
 * {@link WebSocketListener}, with the upgrade request's id in the MDC. A listener that throws while opening or
 * reading a message gets {@code onError} and its connection closes with 1011; the container and the other
 * connections carry on.
 *
 * <p>Threading: Jakarta delivers one connection's events one at a time, so the listener sees no overlap;
 * {@link #onClose} and {@link #onError} may come from another thread than the messages, after them.
 */
public final class ListenerEndpoint extends Endpoint {
    static final String MDC_KEY = "requestId"; // the key the HTTP side uses, so one grep finds both

    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet.websocket");

    private final WebSocketListener listener;
    private final Context context;
    private final long maxMessageSize;
    private final Duration idleTimeout;
    private final String source;
    private volatile ContainerWebSocketSession session;
    private volatile boolean closeReported;

    ListenerEndpoint(WebSocketListener listener, Context context, long maxMessageSize, Duration idleTimeout,
                     String source) {
        this.listener = listener;
        this.context = context;
        this.maxMessageSize = maxMessageSize;
        this.idleTimeout = idleTimeout;
        this.source = source;
    }

    @Override
    public void onOpen(Session container, EndpointConfig config) {
        long idleMillis = containerMillis(idleTimeout);
        // Set only when it differs: on Tyrus every change restarts the session's idle check, and a change made
        // while the check it scheduled on creation is running closes the session (see RegisteredEndpointUpgrade).
        if (container.getMaxIdleTimeout() != idleMillis) {
            container.setMaxIdleTimeout(idleMillis);
        }
        ContainerWebSocketSession s = new ContainerWebSocketSession(container, context);
        session = s;
        MessageAssembler assembler = new MessageAssembler(maxMessageSize);
        container.addMessageHandler(String.class, (MessageHandler.Partial<String>) (part, last) -> {
            if (!assembler.addText(part)) {
                tooBig(s);
            } else if (last && s.isOpen()) {
                String text = assembler.takeText();
                call("onMessage", () -> listener.onMessage(s, text));
            }
        });
        container.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) (part, last) -> {
            if (!assembler.addBinary(part)) {
                tooBig(s);
            } else if (last && s.isOpen()) {
                ByteBuffer data = assembler.takeBinary();
                call("onMessage", () -> listener.onMessage(s, data));
            }
        });
        call("onOpen", () -> listener.onOpen(s));
    }

    /** An idle timeout as Jakarta WebSocket takes it: milliseconds, 0 for never, at least 1 otherwise. */
    static long containerMillis(Duration idleTimeout) {
        return idleTimeout.isZero() ? 0 : Math.max(1, idleTimeout.toMillis());
    }

    @Override
    public void onClose(Session container, CloseReason reason) {
        ContainerWebSocketSession s = session;
        if (s == null || closeReported) {
            return;
        }
        closeReported = true;
        s.closed();
        int code = reason.getCloseCode().getCode();
        String text = reason.getReasonPhrase() == null ? "" : reason.getReasonPhrase();
        withMdc(() -> {
            LOG.debug("WebSocket {} closed: {} {}", source, code, text);
            try {
                listener.onClose(s, code, text);
            } catch (Throwable t) {
                LOG.error("WebSocket listener {} failed in onClose", source, t);
            }
        });
    }

    @Override
    public void onError(Session container, Throwable error) {
        ContainerWebSocketSession s = session;
        if (s == null) {
            return;
        }
        withMdc(() -> {
            LOG.debug("WebSocket {} error: {}", source, error.toString());
            notifyError(s, error);
        });
    }

    private void tooBig(ContainerWebSocketSession s) {
        withMdc(() -> LOG.debug("WebSocket {}: message over {} bytes, closing with 1009", source, maxMessageSize));
        if (s.isOpen()) {
            s.close(WebSocketCloseCodes.MESSAGE_TOO_BIG, "Message larger than " + maxMessageSize + " bytes");
        }
    }

    private interface Callback {
        void run() throws Exception;
    }

    private void call(String what, Callback callback) {
        withMdc(() -> {
            try {
                callback.run();
            } catch (Throwable t) {
                ContainerWebSocketSession s = session;
                LOG.error("WebSocket listener {} failed in {}; closing the connection with 1011", source, what, t);
                notifyError(s, t);
                if (s.isOpen()) {
                    s.close(WebSocketCloseCodes.INTERNAL_ERROR, "Internal Server Error");
                }
            }
        });
    }

    private void notifyError(ContainerWebSocketSession s, Throwable error) {
        try {
            listener.onError(s, error);
        } catch (Throwable t) {
            LOG.error("WebSocket listener {} failed in onError", source, t);
        }
    }

    private void withMdc(Runnable r) {
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, context.requestId());
        try {
            r.run();
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }
}
