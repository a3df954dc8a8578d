package dev.fetchlet.routing;

import dev.fetchlet.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A route compiled for matching: turns a path that reached it into a {@link RouteMatch}.
 *
 * <p>The trie search only finds which route wins; parameter values are read here afterwards, in a second walk
 * over the path, so that the search itself allocates nothing. A route without parameters returns the same
 * immutable match every time.
 */
final class CompiledRoute<T> {
    private final RouteEntry<T> entry;
    private final Segment.Kind[] kinds;
    private final String[] names;
    private final int paramCount;
    private final RouteMatch<T> staticMatch;

    CompiledRoute(RouteEntry<T> entry) {
        this.entry = entry;
        List<Segment> segments = entry.routePattern().segments();
        this.kinds = new Segment.Kind[segments.size()];
        this.names = new String[segments.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = segments.get(i).kind();
            names[i] = segments.get(i).text();
        }
        this.paramCount = entry.routePattern().paramNames().size();
        this.staticMatch = paramCount == 0 ? new RouteMatch<>(entry, Params.empty()) : null;
    }

    RouteEntry<T> entry() {
        return entry;
    }

    /** The match for {@code path[0, end)}, a path this route's trie node accepted. */
    RouteMatch<T> matchOf(String path, int end) {
        if (staticMatch != null) {
            return staticMatch;
        }
        Map<String, Object> values = paramCount == 1 ? null : new LinkedHashMap<>(paramCount * 2);
        int start = 1;
        for (int i = 0; i < kinds.length; i++) {
            int segmentEnd = segmentEnd(path, start, end);
            if (kinds[i] == Segment.Kind.PARAM) {
                String value = RawPath.segment(path, start, segmentEnd);
                if (values == null) {
                    return new RouteMatch<>(entry, Params.of(Map.of(names[i], value)));
                }
                values.put(names[i], value);
            } else if (kinds[i] == Segment.Kind.CATCH_ALL) {
                List<String> rest = segmentsFrom(path, start, end);
                Params params = values == null ? Params.of(Map.of(names[i], rest)) : withValue(values, names[i], rest);
                return new RouteMatch<>(entry, params, path, start - 1);
            }
            start = segmentEnd + 1;
        }
        return new RouteMatch<>(entry, Params.of(values));
    }

    static int segmentEnd(String path, int start, int end) {
        int slash = path.indexOf('/', start);
        return slash < 0 || slash > end ? end : slash;
    }

    private static List<String> segmentsFrom(String path, int start, int end) {
        int count = 1;
        for (int i = start; i < end; i++) {
            if (path.charAt(i) == '/') {
                count++;
            }
        }
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            int segmentEnd = segmentEnd(path, start, end);
            values[i] = RawPath.segment(path, start, segmentEnd);
            start = segmentEnd + 1;
        }
        return List.of(values);
    }

    private static Params withValue(Map<String, Object> values, String name, Object value) {
        values.put(name, value);
        return Params.of(values);
    }
}
