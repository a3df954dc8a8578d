package dev.fetchlet;

/**
 * Passes a request on from a {@link Middleware}: to the next middleware, and in the end to what the path leads
 * to (a handler, a function, a mounted app, a static file, or a 404).
 *
 * <pre>{@code
 * Response response = next.proceed();
 * response.header("X-Served-By", "fetchlet");
 * return response;
 * }</pre>
 */
@FunctionalInterface
public interface Next {
    /**
     * Runs the rest of the chain and returns its response, never null (a handler's {@code null} arrives as the
     * 404 it is answered with). A response the downstream has already begun to send (a large static file, a
     * stream a mounted app flushed) arrives as it was sent: changing it then has no effect.
     *
     * @throws IllegalStateException when called a second time for the same request: the downstream runs once
     */
    Response proceed() throws Exception;
}
