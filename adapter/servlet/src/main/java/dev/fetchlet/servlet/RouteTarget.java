package dev.fetchlet.servlet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.io.IOException;

/**
 * What a route leads to in a servlet container: a Fetch handler, a Knative function, a mounted app, a built-in
 * endpoint. The dispatcher matches the path, opens the request's {@link RequestScope} and hands it over; the
 * scope writes the request id, the error replies and the metrics, so a target adds only what is its own.
 */
public interface RouteTarget {
    /** Answers the request; {@code chain} continues to the container (static files, 404) if the target declines. */
    void serve(RequestScope scope, FilterChain chain) throws IOException, ServletException;

    /** The class or app behind the route, for the route listing and error messages. */
    String source();

    /** The methods the route answers, for the route listing: e.g. {@code GET, HEAD, OPTIONS} or {@code *}. */
    String methods();

    /**
     * Whether the metrics count this route's requests. The built-in probes and the metrics endpoint are not
     * invocations of the app, so they say no.
     */
    default boolean counted() {
        return true;
    }

    /** Releases what the target holds when the web app stops. */
    default void destroy() {
    }
}
