package dev.fetchlet.internal;

import dev.fetchlet.Params;
import java.util.Map;
import java.util.function.Function;

/**
 * The router's way to {@link Params} without a copy. {@link Params#of} copies and checks a caller's map, as it
 * must for application code; the router's own values are already read-only strings and immutable lists, and
 * the copy was most of the time and memory of a parameterised match. {@code Params} installs the factory in its
 * static initialiser (the JDK's shared-secrets pattern), so this is the only door to it. Not for applications.
 */
public final class TrustedParams {
    private static volatile Function<Map<String, Object>, Params> factory;

    private TrustedParams() {
    }

    /** Called once, by {@code Params}. */
    public static synchronized void install(Function<Map<String, Object>, Params> f) {
        if (factory != null) {
            throw new IllegalStateException("already installed");
        }
        factory = f;
    }

    /**
     * Params over {@code readOnly} as it is.
     *
     * @param readOnly never modified afterwards; values are {@code String} or immutable {@code List<String>}
     */
    public static Params wrap(Map<String, Object> readOnly) {
        Function<Map<String, Object>, Params> f = factory;
        if (f == null) {
            Params.empty(); // runs Params' static initialiser, which installs the factory
            f = factory;
        }
        return f.apply(readOnly);
    }
}
