package dev.fetchlet.routing;

/**
 * A node of the compiled segment trie: the routes that end here and the children to try next.
 *
 * <p>{@link #find} is a depth-first search that tries, for the next segment, the static child, then the
 * {@code [x]} child, then the {@code [[x]]} route, backtracking when a branch finds nothing. That order is the
 * precedence rule itself, so the result depends only on the set of routes. The cost depends on the path's
 * length and the shape of the routes along it, not on how many routes there are.
 */
final class Node<T> {
    private final CompiledRoute<T> route;
    private final StaticChildren<Node<T>> statics;
    private final Node<T> param;
    private final CompiledRoute<T> catchAll;

    Node(CompiledRoute<T> route, StaticChildren<Node<T>> statics, Node<T> param, CompiledRoute<T> catchAll) {
        this.route = route;
        this.statics = statics;
        this.param = param;
        this.catchAll = catchAll;
    }

    /**
     * The route serving the rest of the path, the segments in {@code path[start, end)}; null if none does.
     * The path must have passed {@link RawPath#check}: no empty segments, no bad escapes.
     */
    CompiledRoute<T> find(String path, int start, int end) {
        if (start >= end) {
            return route;
        }
        // One pass finds where the segment ends and hashes it for the static lookup.
        int hash = 0;
        boolean escaped = false;
        int segmentEnd = start;
        for (char c; segmentEnd < end && (c = path.charAt(segmentEnd)) != '/'; segmentEnd++) {
            hash = 31 * hash + c;
            escaped |= c == '%';
        }
        Node<T> child = escaped
                ? statics.getEscaped(path, start, segmentEnd)
                : statics.get(path, start, segmentEnd, hash);
        if (child != null) {
            CompiledRoute<T> found = child.find(path, segmentEnd + 1, end);
            if (found != null) {
                return found;
            }
        }
        if (param != null) {
            CompiledRoute<T> found = param.find(path, segmentEnd + 1, end);
            if (found != null) {
                return found;
            }
        }
        return catchAll;
    }
}
