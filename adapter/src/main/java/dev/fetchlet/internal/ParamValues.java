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
 * Params p = Params.of(names.with(new Object[] {"1024"}));      // per match, no map copy
 * }</pre>
 */
public final class ParamValues extends AbstractMap<String, Object> {
    private final String[] names;
    private final Object[] values;

    private ParamValues(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
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
         * The map of one match.
         *
         * @param values one per name: a {@code String}, or a {@code List<String>} (copied unless immutable)
         * @throws IllegalArgumentException if the count or a value's type is wrong
         */
        public ParamValues with(Object... values) {
            if (values.length != names.length) {
                throw new IllegalArgumentException(names.length + " values expected, not " + values.length);
            }
            Object[] copy = values.clone();
            for (int i = 0; i < copy.length; i++) {
                Object v = copy[i];
                if (v instanceof List<?> list) {
                    List<?> frozen = List.copyOf(list); // the same list when it is already immutable
                    for (Object item : frozen) {
                        if (!(item instanceof String)) {
                            throw new IllegalArgumentException("parameter '" + names[i] + "' has a non-string item");
                        }
                    }
                    copy[i] = frozen;
                } else if (!(v instanceof String)) {
                    throw new IllegalArgumentException("parameter '" + names[i] + "' is neither a String nor a List");
                }
            }
            return new ParamValues(names, copy);
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
                return values[i];
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
                        Entry<String, Object> e = new SimpleImmutableEntry<>(names[next], values[next]);
                        next++;
                        return e;
                    }
                };
            }
        };
    }
}
