package dev.fetchlet.routing;

import dev.fetchlet.Params;
import dev.fetchlet.internal.ParamValues;
import java.util.List;

/**
 * A route compiled for matching: turns a path that reached it into a {@link RouteMatch}.
 *
 * <p>The trie search only finds which route wins; parameter values are read here afterwards, in a second walk
 * over the path, so that the search itself allocates nothing. A route without parameters returns the same
 * immutable match every time.
 */
final class CompiledRoute<T> {
    private final RouteEntry<T> entry;
    private final Segment.Role[] roles;
    private final String[] paramNames;
    private final ParamValues.Names names;
    private final RouteMatch<T> staticMatch;

    CompiledRoute(RouteEntry<T> entry) {
        this.entry = entry;
        List<Segment> segments = entry.routePattern().segments();
        this.roles = new Segment.Role[segments.size()];
        for (int i = 0; i < roles.length; i++) {
            roles[i] = segments.get(i).role();
        }
        this.paramNames = entry.routePattern().paramNames().toArray(new String[0]);
        this.names = ParamValues.names(entry.routePattern().paramNames());
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
        for (Segment.Role role : roles) {
            int segmentEnd = segmentEnd(path, start, end);
            if (role == Segment.Role.PARAM) {
                value = RawPath.segment(path, start, segmentEnd);
            } else if (role == Segment.Role.CATCH_ALL) {
                value = segmentsFrom(path, start, end);
            }
            if (role != Segment.Role.STATIC && values != null) {
                values[param++] = value;
            }
            if (role == Segment.Role.CATCH_ALL) {
                return new RouteMatch<>(entry, params(values, value), path, start - 1);
            }
            start = segmentEnd + 1;
        }
        return new RouteMatch<>(entry, params(values, value));
    }

    private Params params(Object[] values, Object onlyValue) {
        // Params.of takes a ParamValues as it is: no map copy per match.
        return Params.of(values == null ? names.with(onlyValue) : names.with(values));
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
