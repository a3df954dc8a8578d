package dev.fetchlet;

import java.nio.ByteBuffer;

/**
 * What a WebSocket connection does when something happens on it. A handler answers an upgrade request with
 * {@link Response#webSocket(WebSocketListener)}, usually with a new listener per connection so that the
 * listener's fields can hold that connection's state.
 *
 * <pre>{@code
 * @Route("/chat/[room]")
 * public class Chat implements Handler {
 *     @Override
 *     public Response onRequestGet(Context ctx) {
 *         String room = ctx.params().get("room");
 *         return Response.webSocket(new WebSocketListener() {
 *             @Override
 *             public void onMessage(WebSocketSession session, String text) {
 *                 session.sendText(room + ": " + text);
 *             }
 *         });
 *     }
 * }
 * }</pre>
 *
 * <p>Threading: the callbacks of one connection never run at the same time; they run on the container's
 * threads, so they should not block for long. The request id of the upgrade request is in the logging MDC
 * (key {@code requestId}) during every callback.
 *
 * <p>Errors: an exception thrown by {@link #onOpen} or an {@code onMessage} method is logged, passed to
 * {@link #onError}, and closes that connection with 1011 (internal error); other connections are not affected.
 * Exceptions thrown by {@link #onClose} and {@link #onError} are logged.
 */
public interface WebSocketListener {
    /** The connection is open: the session can send from now on. */
    default void onOpen(WebSocketSession session) throws Exception {
    }

    /**
     * A whole text message arrived. The default closes the connection with 1003 (unsupported data), as a
     * listener that does not override this method does not accept text.
     */
    default void onMessage(WebSocketSession session, String text) throws Exception {
        session.close(WebSocketCloseCodes.UNSUPPORTED_DATA, "Text messages are not accepted");
    }

    /**
     * A whole binary message arrived, in a buffer the listener owns (it may keep it). The default closes the
     * connection with 1003 (unsupported data), as a listener that does not override this method does not accept
     * binary data.
     */
    default void onMessage(WebSocketSession session, ByteBuffer data) throws Exception {
        session.close(WebSocketCloseCodes.UNSUPPORTED_DATA, "Binary messages are not accepted");
    }

    /**
     * The connection closed, from either side or because it broke; called once, last. {@code code} is the close
     * code sent by the side that closed (1006 when the connection broke without a close frame).
     */
    default void onClose(WebSocketSession session, int code, String reason) throws Exception {
    }

    /**
     * Something went wrong: the connection broke, a message could not be read, or a callback of this listener
     * threw. {@link #onClose} follows.
     */
    default void onError(WebSocketSession session, Throwable error) {
    }
}
