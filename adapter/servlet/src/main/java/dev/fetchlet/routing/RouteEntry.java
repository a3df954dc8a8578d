package dev.fetchlet.routing;

import java.util.Objects;

/**
 * One route of a {@link RouteTable}: its pattern, what it leads to, and where it was declared.
 *
 * <pre>{@code
 * for (RouteEntry<Handler> e : table.entries()) {
 *     log.info("{} -> {}", e.pattern(), e.source());
 * }
 * }</pre>
 *
 * @param <T> what a route leads to, such as a handler
 */
public final class RouteEntry<T> {
    private final RoutePattern routePattern;
    private final T target;
    private final String source;

    RouteEntry(RoutePattern routePattern, T target, String source) {
        this.routePattern = routePattern;
        this.target = target;
        this.source = source;
    }

    /** The normalized pattern, e.g. {@code /api/visit} for a route declared as {@code /api/visit/index}. */
    public String pattern() {
        return routePattern.pattern();
    }

    /** The parsed pattern, for its static prefix or catch-all name. */
    public RoutePattern routePattern() {
        return routePattern;
    }

    /** What the route leads to, as passed to {@link RouteTable.Builder#add}. */
    public T target() {
        return target;
    }

    /** Where the route was declared, typically the handler's class name. */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RouteEntry)) {
            return false;
        }
        RouteEntry<?> other = (RouteEntry<?>) o;
        return routePattern.equals(other.routePattern) && target.equals(other.target) && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(routePattern, target, source);
    }

    @Override
    public String toString() {
        return pattern() + "  ->  " + source;
    }
}
