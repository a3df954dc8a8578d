package dev.fetchlet.routing;

/**
 * A request path that must not be routed: bad percent-encoding, invalid UTF-8, an encoded slash or backslash, a
 * dot segment, or a null byte. The caller answers 400 and invokes no handler.
 *
 * <pre>{@code
 * try {
 *     match = table.match(rawPath);
 * } catch (BadPathException e) {
 *     response.sendError(400, e.getMessage());
 * }
 * }</pre>
 *
 * <p>The message says what is wrong and is safe to show to the client: it quotes at most the offending
 * characters, never server state.
 */
public class BadPathException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the path, without quoting it */
    public BadPathException(String message) {
        super(message);
    }
}
