package dev.fetchlet.servlet;

import dev.fetchlet.routing.RouteMatch;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What a route leads to in a servlet container: a Fetch handler, and in time a WebSocket endpoint, a mounted
 * sub-app or a Knative function. The dispatcher matches the path and hands the request over.
 */
public interface RouteTarget {
    void serve(HttpServletRequest req, HttpServletResponse res, RouteMatch<RouteTarget> match, FilterChain chain)
            throws IOException, ServletException;

    /** The class or app behind the route, for the route listing and error messages. */
    String source();

    /** The methods the route answers, for the route listing: e.g. {@code GET, HEAD, OPTIONS} or {@code *}. */
    String methods();

    /** Releases what the target holds when the web app stops. */
    default void destroy() {
    }
}
