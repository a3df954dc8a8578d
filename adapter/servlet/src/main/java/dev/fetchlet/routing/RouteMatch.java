package dev.fetchlet.routing;

import dev.fetchlet.Params;

/**
 * The route a request path reached, with the values of its dynamic segments.
 *
 * <pre>{@code
 * RouteMatch<Handler> m = table.match("/api/users/a%20b");   // route /api/users/[id]
 * m.pattern();              // "/api/users/[id]"
 * m.params().get("id");     // "a b"
 *
 * RouteMatch<Handler> app = table.match("/express/users/7"); // route /express/[[default]]
 * app.rawPrefix();          // "/express"
 * app.rawRemainder();       // "/users/7"
 * }</pre>
 *
 * @param <T> what a route leads to, such as a handler
 */
public final class RouteMatch<T> {
    private final RouteEntry<T> entry;
    private final Params params;
    private final String rawPath;
    private final int remainderStart;

    RouteMatch(RouteEntry<T> entry, Params params) {
        this(entry, params, null, -1);
    }

    /** A catch-all match: the raw path is kept so that its split is computed only if asked for. */
    RouteMatch(RouteEntry<T> entry, Params params, String rawPath, int remainderStart) {
        this.entry = entry;
        this.params = params;
        this.rawPath = rawPath;
        this.remainderStart = remainderStart;
    }

    /** What the matched route leads to, such as its handler. */
    public T target() {
        return entry.target();
    }

    /** The normalized pattern of the route that matched, e.g. {@code /api/users/[id]}. */
    public String pattern() {
        return entry.pattern();
    }

    /** The values of the route's {@code [x]} and {@code [[x]]} segments, percent-decoded. */
    public Params params() {
        return params;
    }

    /** The route that matched, with its source. */
    public RouteEntry<T> entry() {
        return entry;
    }

    /**
     * For a catch-all route, the part of the request path before the segments the catch-all spanned, still
     * encoded as sent and without a trailing slash: {@code /express} for {@code /express/users/7}, {@code ""}
     * for a root catch-all. Null for other routes. Where a sub-app is mounted.
     */
    public String rawPrefix() {
        return rawPath == null ? null : rawPath.substring(0, remainderStart);
    }

    /**
     * For a catch-all route, the part of the request path the catch-all spanned, still encoded as sent, starting
     * with {@code /} and keeping a trailing slash if the request had one: {@code /users/7} for
     * {@code /express/users/7}. Null for other routes. The path a mounted sub-app sees.
     */
    public String rawRemainder() {
        return rawPath == null ? null : rawPath.substring(remainderStart);
    }

    @Override
    public String toString() {
        return entry.pattern() + " " + params;
    }
}
