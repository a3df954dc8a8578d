package dev.fetchlet.routing;

/** Test helpers: tables whose targets are the declared patterns, declared by made-up handler classes. */
final class Routes {
    private Routes() {
    }

    static RouteTable<String> table(String... patterns) {
        RouteTable.Builder<String> builder = RouteTable.builder();
        for (String pattern : patterns) {
            builder.add(pattern, pattern, sourceOf(pattern));
        }
        return builder.build();
    }

    /** A class-like name per pattern, so that messages can be checked for the classes involved. */
    static String sourceOf(String pattern) {
        return "com.example.Handler" + Integer.toHexString(pattern.hashCode());
    }

    /** The declared pattern of the route serving {@code path}, or null. */
    static String served(RouteTable<String> table, String path) {
        RouteMatch<String> m = table.match(path);
        return m == null ? null : m.target();
    }
}
