package dev.fetchlet.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Routes compiled into a segment trie, matched against raw request paths.
 *
 * <pre>{@code
 * RouteTable<Handler> table = RouteTable.<Handler>builder()
 *         .add("/api/users/list", listUsers, "com.example.ListUsers")
 *         .add("/api/users/[id]", userById, "com.example.UserById")
 *         .add("/api/[[default]]", apiFallback, "com.example.ApiFallback")
 *         .build();
 * RouteMatch<Handler> m = table.match("/api/users/1024");
 * m.target();            // userById
 * m.params().get("id");  // "1024"
 * table.match("/v2/x");  // null: fall through to static resources
 * }</pre>
 *
 * <h2>Matching</h2>
 * Segments are compared from the left: a static segment beats {@code [x]}, which beats {@code [[x]]}; when a
 * branch leads nowhere the next one is tried, so {@code /api/users/[id]} serves {@code /api/users/7} while
 * {@code /api/[[d]]} serves {@code /api/users/7/x}. Among catch-alls the longer static prefix wins. The result
 * never depends on the order routes were added. One trailing slash is ignored ({@code /hello/} is
 * {@code /hello}); an empty segment ({@code /a//b}, {@code /a//}) matches nothing. Static segments compare with
 * the percent-decoded path segment, case-sensitively; parameter values are decoded as UTF-8.
 *
 * <h2>Cost</h2>
 * Each static lookup hashes the path region in place, so a match allocates only what it returns: nothing for a
 * static route, the {@link RouteMatch} with its {@link dev.fetchlet.Params} and values otherwise. The cost
 * grows with the path's length, not with the number of routes.
 *
 * <p>A table is immutable and safe to share between threads once built.
 *
 * @param <T> what a route leads to, such as a handler
 */
public final class RouteTable<T> {
    private final Node<T> root;
    private final List<RouteEntry<T>> entries;

    private RouteTable(Node<T> root, List<RouteEntry<T>> entries) {
        this.root = root;
        this.entries = entries;
    }

    /** Starts an empty table; see {@link Builder#add}. */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /**
     * The route serving a request path.
     *
     * @param rawPath the request path relative to the web app's context path, still percent-encoded as sent
     *     (e.g. {@code /api/users/a%20b}), starting with {@code /}, without the query string. An empty path is
     *     taken as {@code /}, the context root. The path is used as given: a {@code ;} path parameter such as
     *     {@code ;jsessionid=...} stays part of its segment, so strip it first if the container leaves it in.
     * @return the match, or null when no route matches
     * @throws BadPathException if the path is malformed or tries to escape its segments: answer 400
     */
    public RouteMatch<T> match(String rawPath) throws BadPathException {
        Objects.requireNonNull(rawPath, "rawPath");
        if (rawPath.isEmpty()) {
            rawPath = "/";
        }
        if (rawPath.charAt(0) != '/') {
            throw new BadPathException("path must start with '/'");
        }
        int end = rawPath.length();
        if (end > 1 && rawPath.charAt(end - 1) == '/') {
            end--;
        }
        if (rawPath.length() > 1 && !RawPath.check(rawPath, end)) {
            return null;
        }
        CompiledRoute<T> route = root.find(rawPath, 1, end);
        return route == null ? null : route.matchOf(rawPath, end);
    }

    /** Every route, in precedence order: for any path, the first entry that matches it is the one served. */
    public List<RouteEntry<T>> entries() {
        return entries;
    }

    /** The number of routes. */
    public int size() {
        return entries.size();
    }

    /** One line per route, {@code <pattern>  ->  <source>}, in precedence order: what a launcher prints. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>(entries.size());
        for (RouteEntry<T> e : entries) {
            lines.add(e.pattern() + "  ->  " + e.source());
        }
        return lines;
    }

    @Override
    public String toString() {
        return String.join("\n", describe());
    }

    /**
     * Collects routes; {@link #build} checks them all and compiles the table.
     *
     * @param <T> what a route leads to
     */
    public static final class Builder<T> {
        private final List<Declared<T>> declared = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a route.
         *
         * @param pattern the route in file-path syntax, see {@link RoutePattern}
         * @param target what the route leads to
         * @param source where the route was declared, e.g. the handler's class name; named in error messages
         */
        public Builder<T> add(String pattern, T target, String source) {
            declared.add(new Declared<>(Objects.requireNonNull(pattern, "pattern"),
                    Objects.requireNonNull(target, "target"), Objects.requireNonNull(source, "source")));
            return this;
        }

        /** The targets added so far, in order: what a caller releases when the table cannot be built. */
        public List<T> targets() {
            List<T> targets = new ArrayList<>(declared.size());
            for (Declared<T> d : declared) {
                targets.add(d.target);
            }
            return targets;
        }

        /**
         * Compiles the routes added so far.
         *
         * @throws InvalidRouteException naming every malformed pattern and every set of duplicate routes, with
         *     their sources
         */
        public RouteTable<T> build() throws InvalidRouteException {
            List<String> problems = new ArrayList<>();
            Map<String, List<Parsed<T>>> byShape = new LinkedHashMap<>();
            for (Declared<T> d : declared) {
                try {
                    RouteEntry<T> entry = new RouteEntry<>(RoutePattern.parse(d.pattern), d.target, d.source);
                    byShape.computeIfAbsent(entry.routePattern().shape(), shape -> new ArrayList<>())
                            .add(new Parsed<>(d.pattern, entry));
                } catch (InvalidRouteException e) {
                    problems.add(e.getMessage() + " (declared by " + d.source + ")");
                }
            }
            NodeDraft<T> trie = new NodeDraft<>();
            for (List<Parsed<T>> sameShape : byShape.values()) {
                if (sameShape.size() > 1) {
                    problems.add(duplicates(sameShape));
                } else {
                    trie.add(new CompiledRoute<>(sameShape.get(0).entry));
                }
            }
            if (!problems.isEmpty()) {
                Collections.sort(problems); // the same report whatever order routes were added in
                throw new InvalidRouteException(problems);
            }
            List<RouteEntry<T>> ordered = new ArrayList<>(declared.size());
            trie.collect(ordered);
            return new RouteTable<>(trie.compile(), Collections.unmodifiableList(ordered));
        }

        private static <T> String duplicates(List<Parsed<T>> sameShape) {
            List<String> parts = new ArrayList<>();
            for (Parsed<T> p : sameShape) {
                parts.add("\"" + p.declaredAs + "\" (" + p.entry.source() + ")");
            }
            Collections.sort(parts);
            String last = parts.remove(parts.size() - 1);
            String served = sameShape.stream().map(p -> p.entry.pattern()).min(String::compareTo).orElseThrow();
            return "Duplicate route: " + String.join(", ", parts) + " and " + last
                    + (parts.size() == 1 ? " both serve " : " all serve ") + served;
        }
    }

    /** A route as added, before it is checked. */
    private static final class Declared<T> {
        final String pattern;
        final T target;
        final String source;

        Declared(String pattern, T target, String source) {
            this.pattern = pattern;
            this.target = target;
            this.source = source;
        }
    }

    /** A route that parsed, with its pattern as declared for error messages (e.g. {@code /a/index}). */
    private static final class Parsed<T> {
        final String declaredAs;
        final RouteEntry<T> entry;

        Parsed(String declaredAs, RouteEntry<T> entry) {
            this.declaredAs = declaredAs;
            this.entry = entry;
        }
    }
}
