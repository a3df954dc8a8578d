package dev.fetchlet;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * One open WebSocket connection, as its {@link WebSocketListener} sees it.
 *
 * <pre>{@code
 * public void onOpen(WebSocketSession session) {
 *     String room = session.context().params().get("room");
 *     session.sendText("welcome to " + room + ", " + session.context().clientIp());
 * }
 * }</pre>
 *
 * <p>Sending is safe from any thread, at any time: messages are queued and go out one after another, in the
 * order the sends were called, so a broadcast loop can call {@link #sendText} on many sessions without
 * waiting. Each send returns a stage that completes once the message is written, or fails when it cannot be
 * (the connection closed, or the client reads so slowly that too much piles up: then the connection is closed
 * with 1013). Waiting on that stage is optional; it is the way to slow a producer down to the client's pace.
 */
public interface WebSocketSession {
    /** An id for this connection: the request id of the upgrade request, also in the logs. */
    String id();

    /** The context of the upgrade request: its route params, headers, request id, client IP and env. */
    Context context();

    /** The subprotocol agreed with the client during the upgrade, or the empty string when there is none. */
    String subprotocol();

    /** Whether the connection is open; false once either side began to close it. */
    boolean isOpen();

    /** Sends a text message. */
    CompletionStage<Void> sendText(String text);

    /** Sends a binary message: the bytes from the buffer's position to its limit (the buffer is not modified). */
    CompletionStage<Void> sendBinary(ByteBuffer data);

    /** Sends a binary message. */
    default CompletionStage<Void> sendBinary(byte[] data) {
        return sendBinary(ByteBuffer.wrap(data));
    }

    /** Sends a ping with an application payload of at most 125 bytes; the client answers with a pong. */
    CompletionStage<Void> ping(byte[] payload);

    /** Sends a ping with an empty payload. */
    default CompletionStage<Void> ping() {
        return ping(new byte[0]);
    }

    /**
     * Closes the connection with {@code code} (see {@link WebSocketCloseCodes#isSendable}) and a reason of at most
     * 123 UTF-8 bytes (longer ones are cut). Messages sent before are delivered first. Closing twice does nothing.
     *
     * @throws IllegalArgumentException if {@code code} cannot be sent in a close frame
     */
    void close(int code, String reason);

    /** Closes the connection normally (1000). */
    default void close() {
        close(WebSocketCloseCodes.NORMAL, "");
    }
}
