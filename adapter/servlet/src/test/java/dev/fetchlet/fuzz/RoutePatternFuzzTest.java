package dev.fetchlet.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fetchlet.routing.BadPathException;
import dev.fetchlet.routing.InvalidRouteException;
import dev.fetchlet.routing.RouteMatch;
import dev.fetchlet.routing.RoutePattern;
import dev.fetchlet.routing.RouteTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Route tables built from fuzzed patterns, matched against fuzzed paths. Properties: parsing throws nothing
 * but {@link InvalidRouteException}, matching nothing but {@link BadPathException}; a normalized pattern parses
 * to itself; the match does not depend on the order routes were added nor on how often one asks; a matched
 * {@code [id]} is a non-empty single segment.
 */
class RoutePatternFuzzTest {
    /** Pieces that steer the fuzzer to the syntax's edges quickly; it also makes up segments of its own. */
    private static final String[] PATTERN_PIECES = {"a", "b", "api", "[id]", "[x]", "[[rest]]", "[[d]]", "index",
        ".", "..", "", "[", "]", "[a]b", "%", "é", "[[a]", "[$-_]"};
    private static final String[] PATH_PIECES = {"a", "b", "api", "7", "index", "%41", "%2F", "%2f", "%5C", "%C3%A9",
        "é", "%", "%zz", "%E2%82", ".", "..", "%2e", "", "%00", ";x", "a%20b"};

    @FuzzTest(maxDuration = "15s")
    void routeTablesMatchTheSameWhateverTheOrder(FuzzedDataProvider data) {
        List<String> patterns = new ArrayList<>();
        for (int n = data.consumeInt(1, 6); n > 0; n--) {
            patterns.add(join(data, PATTERN_PIECES, 4));
        }
        List<String> paths = new ArrayList<>();
        for (int n = data.consumeInt(1, 4); n > 0; n--) {
            paths.add(join(data, PATH_PIECES, 5));
        }
        patterns.forEach(RoutePatternFuzzTest::parsesToItsNormalForm);

        RouteTable<String> forward = build(patterns);
        List<String> reversed = new ArrayList<>(patterns);
        Collections.reverse(reversed);
        RouteTable<String> backward = build(reversed);
        assertEquals(forward == null, backward == null, "building depends on insertion order: " + patterns);
        if (forward == null) {
            return;
        }
        for (String path : paths) {
            String first = outcome(forward, path);
            assertEquals(first, outcome(forward, path), "matching twice differs for " + path);
            assertEquals(first, outcome(backward, path), "insertion order changes the match of " + path
                    + " among " + patterns);
        }
    }

    /** A leading slash, then pieces or made-up segments joined with '/', maybe a trailing slash. */
    private static String join(FuzzedDataProvider data, String[] pieces, int maxSegments) {
        StringBuilder s = new StringBuilder("/");
        for (int n = data.consumeInt(0, maxSegments); n > 0; n--) {
            s.append(data.consumeBoolean() ? data.pickValue(pieces) : data.consumeString(6));
            if (n > 1) {
                s.append('/');
            }
        }
        if (data.consumeBoolean()) {
            s.append('/');
        }
        return s.toString();
    }

    private static void parsesToItsNormalForm(String pattern) {
        RoutePattern parsed;
        try {
            parsed = RoutePattern.parse(pattern);
        } catch (InvalidRouteException e) {
            assertNotNull(e.getMessage());
            return;
        }
        assertEquals(parsed, RoutePattern.parse(parsed.pattern()), "normal form of " + pattern + " reparses");
    }

    /** The table, each route's target its normalized pattern; null if the patterns are refused. */
    private static RouteTable<String> build(List<String> patterns) {
        RouteTable.Builder<String> builder = RouteTable.builder();
        for (String p : patterns) {
            builder.add(p, p, "source of " + p);
        }
        try {
            return builder.build();
        } catch (InvalidRouteException e) {
            assertFalse(e.problems().isEmpty(), "a refused table names its problems");
            return null;
        }
    }

    /** What a match comes to, as text to compare: the route and its params, "none", or the refusal. */
    private static String outcome(RouteTable<String> table, String path) {
        RouteMatch<String> match;
        try {
            match = table.match(path);
        } catch (BadPathException e) {
            return "refused: " + Objects.requireNonNull(e.getMessage());
        }
        if (match == null) {
            return "none";
        }
        RoutePattern pattern = match.entry().routePattern();
        for (String name : pattern.paramNames()) {
            String value = match.params().get(name);
            assertNotNull(value, name + " missing in the match of " + path);
            if (!name.equals(pattern.catchAllName())) {
                assertFalse(value.isEmpty(), "[" + name + "] empty in the match of " + path);
                assertFalse(value.contains("/"), "[" + name + "] holds a '/' in the match of " + path);
            }
        }
        return match.pattern() + " " + match.params().asMap();
    }
}
