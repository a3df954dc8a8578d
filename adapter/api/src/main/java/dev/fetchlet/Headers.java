package dev.fetchlet;

import dev.fetchlet.internal.HttpTokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * HTTP header fields, as the Fetch API's {@code Headers}: names are case-insensitive, a name may carry several
 * values, and insertion order is kept, so every {@code Set-Cookie} survives.
 *
 * <p>Names must be HTTP tokens and values may not contain CR, LF or NUL: a violation throws
 * {@link IllegalArgumentException} at the call that tried it, so a header can never smuggle another into a
 * response.
 *
 * <pre>{@code
 * Headers h = new Headers()
 *     .set("Content-Type", "application/json")
 *     .append("Set-Cookie", "a=1; Path=/")
 *     .append("Set-Cookie", "b=2; Path=/");
 * h.get("content-type");     // "application/json"
 * h.getSetCookie();          // ["a=1; Path=/", "b=2; Path=/"]
 * }</pre>
 *
 * <p>Not thread-safe: a request's headers belong to the thread handling it.
 */
public final class Headers implements Iterable<Map.Entry<String, String>> {
    // Alternating name, value, in a plain array: header counts are small, so a linear scan beats hashing and keeps
    // order for free, and an array spares the list's bounds checks and casts on every look-up.
    private String[] fields;
    private int length; // used slots of fields: twice the field count

    public Headers() {
        fields = new String[16];
    }

    /** A copy of another set of headers. */
    public Headers(Headers other) {
        fields = Arrays.copyOf(other.fields, Math.max(16, other.length));
        length = other.length;
    }

    /**
     * Headers from name/value pairs: {@code Headers.of("Accept", "text/plain", "X-Trace", "1")}.
     *
     * @throws IllegalArgumentException for an odd count or an invalid name or value
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Headers.of takes name/value pairs");
        }
        Headers h = new Headers();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            h.append(namesAndValues[i], namesAndValues[i + 1]);
        }
        return h;
    }

    /**
     * All values of {@code name} joined with {@code ", "}, as Fetch's {@code Headers.get} does; null if absent.
     * Use {@link #getAll} or {@link #getSetCookie} where values must stay apart.
     */
    public String get(String name) {
        String first = null;
        StringBuilder joined = null;
        for (int i = 0; i < length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                if (first == null) {
                    first = fields[i + 1];
                } else {
                    if (joined == null) {
                        joined = new StringBuilder(first);
                    }
                    joined.append(", ").append(fields[i + 1]);
                }
            }
        }
        return joined != null ? joined.toString() : first;
    }

    /** The first value of {@code name}, or null. */
    public String first(String name) {
        for (int i = 0; i < length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                return fields[i + 1];
            }
        }
        return null;
    }

    /** Every value of {@code name}, in order; empty if absent. */
    public List<String> getAll(String name) {
        List<String> values = new ArrayList<>(2);
        for (int i = 0; i < length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                values.add(fields[i + 1]);
            }
        }
        return values;
    }

    /** Every {@code Set-Cookie} value, each kept whole. */
    public List<String> getSetCookie() {
        return getAll("Set-Cookie");
    }

    public boolean has(String name) {
        return first(name) != null;
    }

    /** Replaces every value of {@code name} with {@code value}. */
    public Headers set(String name, String value) {
        validate(name, value);
        delete(name);
        add(name, value);
        return this;
    }

    /** Adds a value, keeping those already there. */
    public Headers append(String name, String value) {
        validate(name, value);
        add(name, value);
        return this;
    }

    private void add(String name, String value) {
        if (length == fields.length) {
            fields = Arrays.copyOf(fields, length * 2);
        }
        fields[length++] = name;
        fields[length++] = value;
    }

    /** Removes every value of {@code name}. */
    public Headers delete(String name) {
        int kept = 0;
        while (kept < length && !fields[kept].equalsIgnoreCase(name)) {
            kept += 2; // nothing moves before the first match, and most deletes find none
        }
        for (int i = kept; i < length; i += 2) {
            if (!fields[i].equalsIgnoreCase(name)) {
                fields[kept] = fields[i];
                fields[kept + 1] = fields[i + 1];
                kept += 2;
            }
        }
        Arrays.fill(fields, kept, length, null);
        length = kept;
        return this;
    }

    /** Distinct names, in the spelling they were first added with. */
    public Set<String> names() {
        Set<String> lower = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < length; i += 2) {
            if (lower.add(fields[i].toLowerCase(java.util.Locale.ROOT))) {
                names.add(fields[i]);
            }
        }
        return names;
    }

    public int size() {
        return length / 2;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** Calls {@code action} once per field, in order, with repeated names as separate calls. */
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < length; i += 2) {
            action.accept(fields[i], fields[i + 1]);
        }
    }

    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < length;
            }

            @Override
            public Map.Entry<String, String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Map.Entry<String, String> e = Map.entry(fields[next], fields[next + 1]);
                next += 2;
                return e;
            }
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Headers{");
        forEach((n, v) -> sb.append(n).append(": ").append(v).append("; "));
        return sb.append('}').toString();
    }

    // Names are mostly the same few string instances (literals, the container's cached names), and a String's
    // hash is kept in it: this instance was checked already if it sits in its slot. A race only loses a slot.
    // 256 slots: with 64, X-Content-Type-Options and Server-Timing, both on most answers, shared one and took
    // turns evicting each other, so each was checked again on every request.
    private static final String[] CHECKED_NAMES = new String[256];

    private static void validate(String name, String value) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("header name is empty");
        }
        int slot = name.hashCode() & (CHECKED_NAMES.length - 1);
        if (CHECKED_NAMES[slot] != name) {
            if (!HttpTokens.isToken(name)) {
                throw new IllegalArgumentException("invalid character in header name: " + printable(name));
            }
            CHECKED_NAMES[slot] = name;
        }
        if (value == null) {
            throw new IllegalArgumentException("header " + name + " has a null value");
        }
        // String.indexOf is a vectorised intrinsic: three scans beat one loop over charAt for values of any length.
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf(0) >= 0) {
            throw new IllegalArgumentException("header " + name + " value contains CR, LF or NUL");
        }
    }

    private static String printable(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }
}
