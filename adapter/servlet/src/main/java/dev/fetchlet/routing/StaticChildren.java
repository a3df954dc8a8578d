package dev.fetchlet.routing;

import java.util.Map;

/**
 * The static children of a trie node, looked up by a region of the request path without copying it.
 *
 * <p>An open-addressing table (linear probing, at most half full) keyed by segment text. The hash of a path
 * region is computed like {@link String#hashCode()}, so it equals the stored key's hash, and a hit is confirmed
 * with {@link String#regionMatches}: no substring is created. A region holding percent-escapes is decoded first,
 * since static segments compare decoded; that is the only case that allocates.
 *
 * @param <N> the child node type
 */
final class StaticChildren<N> {
    private static final StaticChildren<?> EMPTY = new StaticChildren<>(new String[0], new Object[0], new int[0]);

    private final String[] keys;
    private final Object[] children;
    private final int[] hashes;
    private final int mask;

    private StaticChildren(String[] keys, Object[] children, int[] hashes) {
        this.keys = keys;
        this.children = children;
        this.hashes = hashes;
        this.mask = keys.length - 1;
    }

    @SuppressWarnings("unchecked")
    static <N> StaticChildren<N> of(Map<String, N> byName) {
        if (byName.isEmpty()) {
            return (StaticChildren<N>) EMPTY;
        }
        int capacity = Integer.highestOneBit(byName.size() * 2 - 1) << 1;
        String[] keys = new String[capacity];
        Object[] children = new Object[capacity];
        int[] hashes = new int[capacity];
        for (Map.Entry<String, N> e : byName.entrySet()) {
            int h = e.getKey().hashCode();
            int slot = spread(h) & (capacity - 1);
            while (keys[slot] != null) {
                slot = (slot + 1) & (capacity - 1);
            }
            keys[slot] = e.getKey();
            children[slot] = e.getValue();
            hashes[slot] = h;
        }
        return new StaticChildren<>(keys, children, hashes);
    }

    /**
     * The child for the segment {@code path[from, to)}, which holds no escapes; null if there is none.
     *
     * @param hash the region's hash, computed like {@link String#hashCode()} by the caller's scan
     */
    N get(String path, int from, int to, int hash) {
        return keys.length == 0 ? null : find(path, from, to - from, hash);
    }

    /** The child for the segment {@code path[from, to)} once decoded; null if there is none. */
    N getEscaped(String path, int from, int to) {
        if (keys.length == 0) {
            return null;
        }
        String decoded = RawPath.decode(path, from, to);
        return find(decoded, 0, decoded.length(), decoded.hashCode());
    }

    @SuppressWarnings("unchecked")
    private N find(String text, int from, int length, int hash) {
        for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (hashes[slot] == hash && key.length() == length && key.regionMatches(0, text, from, length)) {
                return (N) children[slot];
            }
        }
        return null;
    }

    /** Mixes high bits into the low ones that pick the slot, as HashMap does. */
    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
