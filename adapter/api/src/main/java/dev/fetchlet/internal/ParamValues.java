package dev.fetchlet.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The parameter values of one route match, in pattern order: a read-only map that {@code Params.of} takes as it
 * is, where any other map is copied and checked. It is safe to take without a copy because it cannot change:
 * the names are copied once per route ({@link Names}), the values array is copied and each value checked when
 * the map is made. A view over two arrays costs a fraction of a hash map, keeps the names in pattern order,
 * and with a handful of names a scan finds one as fast as hashing would.
 *
 * <pre>{@code
 * ParamValues.Names names = ParamValues.names(List.of("id"));   // once per route
 * Params p = Params.of(names.with("1024"));                    // per match, no map copy
 * }</pre>
 */
public final class ParamValues extends AbstractMap<String, Object> {
    private final String[] names;
    private final Object[] values; // null when there is one name: its value is 'only', and no array is made
    private final Object only;

    private ParamValues(String[] names, Object[] values, Object only) {
        this.names = names;
        this.values = values;
        this.only = only;
    }

    private Object value(int i) {
        return values == null ? only : values[i];
    }

    /** The parameter names of one route, copied once. */
    public static Names names(List<String> names) {
        return new Names(names.toArray(new String[0]));
    }

    /** A route's parameter names, in pattern order. */
    public static final class Names {
        private final String[] names;

        private Names(String[] names) {
            this.names = names;
        }

        /**
         * The map of a match of a route with one parameter, the usual case: no array.
         *
         * @param value a {@code String}, or a {@code List<String>} (copied unless immutable)
         * @throws IllegalArgumentException if the route has another number of names, or the value's type is wrong
         */
        public ParamValues with(Object value) {
            if (names.length != 1) {
                throw new IllegalArgumentException(names.length + " values expected, not 1");
            }
            return new ParamValues(names, null, checked(names[0], value));
        }

        /**
         * The map of one match.
         *
         * @param values one per name: a {@code String}, or a {@code List<String>} (copied unless immutable); the
         *     array is copied, so the caller may reuse it
         * @throws IllegalArgumentException if the count or a value's type is wrong
         */
        public ParamValues with(Object[] values) {
            if (values.length != names.length) {
                throw new IllegalArgumentException(names.length + " values expected, not " + values.length);
            }
            if (values.length == 1) {
                return with(values[0]);
            }
            Object[] copy = values.clone();
            for (int i = 0; i < copy.length; i++) {
                copy[i] = checked(names[i], copy[i]);
            }
            return new ParamValues(names, copy, null);
        }

        private static Object checked(String name, Object v) {
            if (v instanceof String) {
                return v;
            }
            if (v instanceof List<?> list) {
                List<?> frozen = List.copyOf(list); // the same list when it is already immutable
                for (Object item : frozen) {
                    if (!(item instanceof String)) {
                        throw new IllegalArgumentException("parameter '" + name + "' has a non-string item");
                    }
                }
                return frozen;
            }
            throw new IllegalArgumentException("parameter '" + name + "' is neither a String nor a List");
        }
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Object get(Object key) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(key)) {
                return value(i);
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        for (String name : names) {
            if (name.equals(key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return names.length;
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> e = new SimpleImmutableEntry<>(names[next], value(next));
                        next++;
                        return e;
                    }
                };
            }
        };
    }
}
