package dev.fetchlet.websocket;

import dev.fetchlet.Context;
import dev.fetchlet.WebSocketCloseCodes;
import dev.fetchlet.WebSocketSession;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link WebSocketSession} over a Jakarta WebSocket {@link Session}. Every outgoing frame, close included, goes
 * through one {@link SendQueue}, so frames leave in call order and never overlap, whichever thread sends.
 */
final class ContainerWebSocketSession implements WebSocketSession {
    /** How many bytes of unsent messages one connection may hold before it counts as a slow consumer. */
    static final long MAX_QUEUED_BYTES = 16L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet.websocket");

    private final Session session;
    private final Context context;
    private final SendQueue sends = new SendQueue(MAX_QUEUED_BYTES);
    private final AtomicBoolean closing = new AtomicBoolean();

    ContainerWebSocketSession(Session session, Context context) {
        this.session = session;
        this.context = context;
    }

    @Override
    public String id() {
        return context.requestId();
    }

    @Override
    public Context context() {
        return context;
    }

    @Override
    public String subprotocol() {
        String p = session.getNegotiatedSubprotocol();
        return p == null ? "" : p;
    }

    @Override
    public boolean isOpen() {
        return !closing.get() && session.isOpen();
    }

    @Override
    public CompletionStage<Void> sendText(String text) {
        // A char is at most 3 UTF-8 bytes: a cheap upper bound instead of encoding twice.
        return enqueue(done -> session.getAsyncRemote().sendText(text, result -> report(result, done)),
                3L * text.length());
    }

    @Override
    public CompletionStage<Void> sendBinary(ByteBuffer data) {
        ByteBuffer copy = data.slice(); // our own position and limit; the caller's buffer is left alone
        return enqueue(done -> session.getAsyncRemote().sendBinary(copy, result -> report(result, done)),
                copy.remaining());
    }

    @Override
    public CompletionStage<Void> ping(byte[] payload) {
        if (payload.length > 125) {
            throw new IllegalArgumentException("a ping payload is at most 125 bytes, not " + payload.length);
        }
        ByteBuffer copy = ByteBuffer.wrap(payload.clone());
        return enqueue(done -> {
            session.getAsyncRemote().sendPing(copy); // a control frame: written at once
            done.accept(null, null);
        }, payload.length);
    }

    @Override
    public void close(int code, String reason) {
        if (!WebSocketCloseCodes.isSendable(code)) {
            throw new IllegalArgumentException("close code " + code + " cannot be sent");
        }
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        CloseReason close = new CloseReason(CloseReason.CloseCodes.getCloseCode(code), CloseReasons.truncate(reason));
        CompletionStage<Void> queued = sends.offer(done -> {
            closeNow(close);
            done.accept(null, null);
        }, 0);
        if (queued == null) {
            closeNow(close); // the backlog is over its bound (one huge message): do not wait behind it
        }
    }

    /** The container reported the connection closed: nothing queued can be sent any more. */
    void closed() {
        closing.set(true);
        sends.close(new IOException("WebSocket connection " + id() + " is closed"));
    }

    private CompletionStage<Void> enqueue(SendQueue.Operation op, long bytes) {
        if (closing.get()) {
            return CompletableFuture.failedFuture(new IOException("WebSocket connection " + id() + " is closed"));
        }
        CompletionStage<Void> queued = sends.offer(op, bytes);
        if (queued == null) {
            LOG.warn("WebSocket {} reads too slowly: over {} bytes waiting to be sent, closing it", id(),
                    MAX_QUEUED_BYTES);
            closeNow(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Client reads too slowly"));
            return CompletableFuture.failedFuture(new IOException("WebSocket " + id() + " send backlog is full"));
        }
        return queued;
    }

    private void closeNow(CloseReason reason) {
        closing.set(true);
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing WebSocket {} failed: {}", id(), e.toString());
        }
    }

    private static void report(SendResult result, BiConsumer<Void, Throwable> done) {
        done.accept(null, result.isOK() ? null : result.getException());
    }

    @Override
    public String toString() {
        return "WebSocketSession{" + id() + ", " + context.request().url() + "}";
    }
}
