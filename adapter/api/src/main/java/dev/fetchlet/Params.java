package dev.fetchlet;

import dev.fetchlet.internal.ParamValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values a request path gave to a route's dynamic segments.
 *
 * <p>A {@code [id]} segment yields one percent-decoded string; a {@code [[rest]]} catch-all yields the list of
 * segments it spanned, each percent-decoded. {@link #get} returns a catch-all joined with {@code /}, so both kinds
 * read the same way when a string is all a handler needs.
 *
 * <pre>{@code
 * // @Route("/api/users/[id]") on GET /api/users/1024
 * String id = ctx.params().get("id");            // "1024"
 * // @Route("/docs/[[path]]") on GET /docs/guide/intro
 * List<String> parts = ctx.params().list("path"); // ["guide", "intro"]
 * String joined = ctx.params().get("path");       // "guide/intro"
 * }</pre>
 */
public final class Params {
    private static final Params EMPTY = new Params(Map.of());

    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = values;
    }

    /** No parameters: the request matched a fully static route. */
    public static Params empty() {
        return EMPTY;
    }

    /**
     * Parameters from a map whose values are either a {@code String} (for {@code [x]}) or a {@code List<String>}
     * (for {@code [[x]]}). Handy in unit tests of a handler.
     *
     * @throws IllegalArgumentException if a value is neither
     */
    public static Params of(Map<String, ?> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        if (values instanceof ParamValues frozen) {
            return new Params(frozen); // immutable and checked when made: no copy needed
        }
        Map<String, Object> copy = new LinkedHashMap<>(values.size() * 2);
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Object v = e.getValue();
            if (v instanceof String) {
                copy.put(e.getKey(), v);
            } else if (v instanceof List<?> list) {
                for (Object item : list) {
                    if (!(item instanceof String)) {
                        throw new IllegalArgumentException("param " + e.getKey() + " holds a non-string segment");
                    }
                }
                copy.put(e.getKey(), List.copyOf(list));
            } else {
                throw new IllegalArgumentException("param " + e.getKey() + " must be a String or a List<String>");
            }
        }
        return new Params(Collections.unmodifiableMap(copy));
    }

    /** The value of {@code [name]}, or the segments of {@code [[name]]} joined with {@code /}; null if absent. */
    public String get(String name) {
        Object v = values.get(name);
        if (v instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<String> segments = (List<String>) list;
            return String.join("/", segments);
        }
        return (String) v;
    }

    /** The segments of {@code [[name]]}, or {@code [name]} as a one-element list; empty if absent. */
    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        return v instanceof List<?> ? (List<String>) v : List.of((String) v);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Set<String> names() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The raw view: values are {@code String} or {@code List<String>}. Serialises naturally to JSON. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
