package dev.fetchlet.routing;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The parameter values of one match, in pattern order, as the read-only map that {@code Params.of} copies.
 *
 * <p>{@code Params.of} makes its own copy, so building a hash map first would only be thrown away: this view
 * over two arrays costs a fraction of that and keeps the names in pattern order.
 */
final class MatchedValues extends AbstractMap<String, Object> {
    private final String[] names;
    private final Object[] values;

    /** @param names shared with the route, never modified; {@code values} holds one value per name */
    MatchedValues(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    @Override
    public int size() {
        return names.length;
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
