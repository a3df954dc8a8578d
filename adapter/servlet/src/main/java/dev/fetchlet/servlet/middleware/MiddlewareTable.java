package dev.fetchlet.servlet.middleware;

import dev.fetchlet.Middleware;
import dev.fetchlet.routing.Folders;
import dev.fetchlet.routing.InvalidRouteException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which middleware runs in front of a request: every entry whose folder holds the path, outer folders first,
 * and within a folder the built-in middleware the settings turned on, then the classes of
 * {@code _middleware.java}, then the {@code @MiddlewarePath} classes by order; ties by class name. Immutable
 * once built.
 *
 * <pre>{@code
 * MiddlewareTable table = MiddlewareTable.builder()
 *         .add("/", new ServerTiming(), "built-in ServerTiming", Kind.BUILT_IN, 0)
 *         .build();
 * table.at("/api/users/7"); // [ServerTiming]
 * }</pre>
 */
public final class MiddlewareTable {
    /** Where a middleware comes from, in the order they run within one folder. */
    public enum Kind { BUILT_IN, FILE, ANNOTATED }

    /** One middleware, where it applies and what it is, for the listing. */
    public record Entry(String folder, Middleware middleware, String source, Kind kind, int order) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::kind)
            .thenComparingInt(Entry::order).thenComparing(Entry::source);

    private static final int KEPT_PATHS = 1024;

    private final Map<String, List<Middleware>> byFolder;
    private final Map<String, List<Middleware>> byPath = new ConcurrentHashMap<>();
    private final List<Entry> entries;
    private final int depth;
    private final boolean nosniff;

    private MiddlewareTable(List<Entry> entries, boolean nosniff) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt((Entry e) -> depth(e.folder())).thenComparing(Entry::folder)
                .thenComparing(ORDER));
        Map<String, List<Middleware>> map = new HashMap<>();
        int deepest = 0;
        for (Entry e : sorted) {
            map.computeIfAbsent(e.folder(), f -> new ArrayList<>()).add(e.middleware());
            deepest = Math.max(deepest, depth(e.folder()));
        }
        map.replaceAll((folder, list) -> List.copyOf(list));
        this.byFolder = Map.copyOf(map);
        this.entries = List.copyOf(sorted);
        this.depth = deepest;
        this.nosniff = nosniff;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No middleware, {@code nosniff} on: what a deployment has before anything is added. */
    public static MiddlewareTable empty() {
        return builder().build();
    }

    /**
     * The middleware in front of {@code rawPath}, outermost first; empty (and free) when the app has none.
     *
     * @param rawPath the path as sent, relative to the web app, already accepted by the router
     */
    public List<Middleware> at(String rawPath) {
        if (byFolder.isEmpty()) {
            return List.of();
        }
        // Paths repeat, so what a path's folders lead to is kept by the part of the path that decides them. The
        // paths come from clients: past the limit the answer is worked out each time rather than kept.
        String key = Folders.enclosingKey(rawPath, depth);
        List<Middleware> known = byPath.get(key);
        if (known != null) {
            return known;
        }
        List<Middleware> found = null;
        for (String folder : Folders.enclosing(rawPath, depth)) {
            List<Middleware> here = byFolder.get(folder);
            if (here != null) {
                if (found == null) {
                    found = new ArrayList<>(here);
                } else {
                    found.addAll(here);
                }
            }
        }
        List<Middleware> chain = found == null ? List.of() : List.copyOf(found);
        if (byPath.size() < KEPT_PATHS) {
            byPath.put(key, chain);
        }
        return chain;
    }

    /** Whether every response carries {@code X-Content-Type-Options: nosniff} ({@code FUNC_NOSNIFF}). */
    public boolean nosniff() {
        return nosniff;
    }

    /** Every entry in the order it runs, for the listing. */
    public List<Entry> entries() {
        return entries;
    }

    /** One line per middleware: folder and source. */
    public List<String> listing() {
        List<String> lines = new ArrayList<>();
        for (Entry e : entries) {
            lines.add(String.format("%-34s %-40s -> %s", "middleware", e.folder(), e.source()));
        }
        return lines;
    }

    private static int depth(String folder) {
        return folder.equals("/") ? 0 : (int) folder.chars().filter(c -> c == '/').count();
    }

    /** Builds a {@link MiddlewareTable}. Not thread-safe: deployment runs on one thread. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();
        private boolean nosniff = true;

        private Builder() {
        }

        /**
         * Adds {@code middleware} in front of everything under {@code folder}.
         *
         * @throws InvalidRouteException when {@code folder} is not static segments such as {@code /api}
         */
        public Builder add(String folder, Middleware middleware, String source, Kind kind, int order)
                throws InvalidRouteException {
            entries.add(new Entry(Folders.normalize(folder), middleware, source, kind, order));
            return this;
        }

        public Builder nosniff(boolean nosniff) {
            this.nosniff = nosniff;
            return this;
        }

        public MiddlewareTable build() {
            return new MiddlewareTable(entries, nosniff);
        }
    }
}
