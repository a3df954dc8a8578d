package dev.fetchlet.internal;

import dev.fetchlet.HttpException;
import java.io.IOException;

/**
 * A request body that could not be read: broken chunked framing, a connection that ended before the declared
 * {@code Content-Length}, a client that hung up midway. The body belongs to the client, so this is a 400, never
 * a 500; the message is the same for every cause, since the container's words name its own classes. The
 * connection cannot be trusted for another request after it, so the reply closes it.
 *
 * <pre>{@code
 * try {
 *     return in.read(buf, off, len);
 * } catch (IOException e) {
 *     throw new UnreadableBodyException(e);
 * }
 * }</pre>
 */
public final class UnreadableBodyException extends HttpException {
    private static final long serialVersionUID = 1L;

    public UnreadableBodyException(IOException cause) {
        super(400, "The request body could not be read: its framing is malformed or it ended early", cause);
    }
}
