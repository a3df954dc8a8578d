package dev.fetchlet.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trie while routes are being added; {@link #compile} freezes it into {@link Node}s.
 *
 * <p>Static children are kept sorted so that {@link #collect} lists routes in a fixed order: pre-order, with
 * static children before the {@code [x]} child before the catch-all. Because {@link Node#find} explores in that
 * same order, the first entry of that list that matches a path is the route {@code find} returns.
 */
final class NodeDraft<T> {
    private CompiledRoute<T> route;
    private final TreeMap<String, NodeDraft<T>> statics = new TreeMap<>();
    private NodeDraft<T> param;
    private CompiledRoute<T> catchAll;

    /** Adds a route whose shape is not yet in the trie. */
    void add(CompiledRoute<T> compiled) {
        NodeDraft<T> node = this;
        for (Segment segment : compiled.entry().routePattern().segments()) {
            switch (segment.role()) {
                case STATIC:
                    node = node.statics.computeIfAbsent(segment.text(), text -> new NodeDraft<>());
                    break;
                case PARAM:
                    if (node.param == null) {
                        node.param = new NodeDraft<>();
                    }
                    node = node.param;
                    break;
                default:
                    node.catchAll = compiled;
                    return;
            }
        }
        node.route = compiled;
    }

    Node<T> compile() {
        Map<String, Node<T>> children = new LinkedHashMap<>();
        statics.forEach((text, child) -> children.put(text, child.compile()));
        return new Node<>(route, StaticChildren.of(children), param == null ? null : param.compile(), catchAll);
    }

    /** Appends every route of this subtree in precedence order. */
    void collect(List<RouteEntry<T>> out) {
        if (route != null) {
            out.add(route.entry());
        }
        statics.values().forEach(child -> child.collect(out));
        if (param != null) {
            param.collect(out);
        }
        if (catchAll != null) {
            out.add(catchAll.entry());
        }
    }
}
