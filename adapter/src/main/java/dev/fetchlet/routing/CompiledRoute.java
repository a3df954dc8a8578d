package dev.fetchlet.routing;

import dev.fetchlet.Params;
import dev.fetchlet.internal.TrustedParams;
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
    private final String[] paramNames;
    private final RouteMatch<T> staticMatch;

    CompiledRoute(RouteEntry<T> entry) {
        this.entry = entry;
        List<Segment> segments = entry.routePattern().segments();
        this.kinds = new Segment.Kind[segments.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = segments.get(i).kind();
        }
        this.paramNames = entry.routePattern().paramNames().toArray(new String[0]);
        this.staticMatch = paramNames.length == 0 ? new RouteMatch<>(entry, Params.empty()) : null;
    }

    RouteEntry<T> entry() {
        return entry;
    }

    /** The match for {@code path[0, end)}, a path this route's trie node accepted. */
    RouteMatch<T> matchOf(String path, int end) {
        if (staticMatch != null) {
            return staticMatch;
        }
        // One parameter, the usual case, needs no array: its value is the last one read.
        Object[] values = paramNames.length == 1 ? null : new Object[paramNames.length];
        Object value = null;
        int param = 0;
        int start = 1;
        for (Segment.Kind kind : kinds) {
            int segmentEnd = segmentEnd(path, start, end);
            if (kind == Segment.Kind.PARAM) {
                value = RawPath.segment(path, start, segmentEnd);
            } else if (kind == Segment.Kind.CATCH_ALL) {
                value = segmentsFrom(path, start, end);
            }
            if (kind != Segment.Kind.STATIC && values != null) {
                values[param++] = value;
            }
            if (kind == Segment.Kind.CATCH_ALL) {
                return new RouteMatch<>(entry, params(values, value), path, start - 1);
            }
            start = segmentEnd + 1;
        }
        return new RouteMatch<>(entry, params(values, value));
    }

    private Params params(Object[] values, Object onlyValue) {
        // Values are decoded strings and immutable lists, made here: no need for the copy Params.of makes.
        return TrustedParams.wrap(values == null ? Map.of(paramNames[0], onlyValue) : new MatchedValues(paramNames, values));
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
        if (count == 1) {
            return List.of(RawPath.segment(path, start, end));
        }
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            int segmentEnd = segmentEnd(path, start, end);
            values[i] = RawPath.segment(path, start, segmentEnd);
            start = segmentEnd + 1;
        }
        return List.of(values);
    }
}
