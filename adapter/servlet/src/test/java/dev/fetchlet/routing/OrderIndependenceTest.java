package dev.fetchlet.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property tests on random route sets: the winner depends only on the set of routes, and equals what a naive
 * reading of the precedence rule picks.
 */
class OrderIndependenceTest {
    private static final String[] STATIC = {"a", "b", "c", "index"};
    private static final String[] PATH_SEGMENTS = {"a", "b", "c", "d", "index", "%61", "x%20y"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void shuffledInsertionGivesIdenticalMatches(long seed) {
        Random random = new Random(seed);
        List<String> patterns = randomRoutes(random, 5 + random.nextInt(40));
        List<String> paths = randomPaths(random, 300);
        RouteTable<String> reference = Routes.table(patterns.toArray(new String[0]));
        for (int shuffle = 0; shuffle < 5; shuffle++) {
            List<String> order = new ArrayList<>(patterns);
            Collections.shuffle(order, random);
            RouteTable<String> table = Routes.table(order.toArray(new String[0]));
            assertEquals(reference.entries(), table.entries());
            for (String path : paths) {
                RouteMatch<String> expected = reference.match(path);
                RouteMatch<String> actual = table.match(path);
                assertEquals(expected == null ? null : expected.target(), actual == null ? null : actual.target(),
                        () -> path + " with routes added as " + order);
                if (expected != null) {
                    assertEquals(expected.params(), actual.params(), path);
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {101, 102, 103, 104, 105, 106, 107, 108, 109, 110})
    void winnerIsWhatTheRuleSays(long seed) {
        Random random = new Random(seed);
        List<String> patterns = randomRoutes(random, 5 + random.nextInt(60));
        RouteTable<String> table = Routes.table(patterns.toArray(new String[0]));
        for (String path : randomPaths(random, 500)) {
            RouteMatch<String> m = table.match(path);
            String actual = m == null ? null : m.target();
            assertEquals(naiveWinner(patterns, path), actual, () -> path + " among " + patterns);
            assertEquals(firstEntryMatching(table, path), actual, () -> "entries() order for " + path);
        }
    }

    @Test
    void catchAllsFromRootToDeep() {
        List<String> patterns = List.of("/[[r]]", "/a/[[r]]", "/a/b/[[r]]", "/a/[x]/[[r]]", "/[x]/b/[[r]]");
        RouteTable<String> table = Routes.table(patterns.toArray(new String[0]));
        for (String path : List.of("/a/b/c", "/a/c/d", "/z/b/c", "/z/c", "/a/b", "/a")) {
            assertEquals(naiveWinner(patterns, path), Routes.served(table, path), path);
        }
    }

    /** Random patterns, at most one per shape, so that the set always builds. */
    private static List<String> randomRoutes(Random random, int count) {
        List<String> patterns = new ArrayList<>();
        Set<String> shapes = new HashSet<>();
        while (patterns.size() < count) {
            int length = random.nextInt(5);
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(10);
                boolean last = i == length - 1;
                if (kind < 6) {
                    p.append('/').append(STATIC[random.nextInt(STATIC.length)]);
                } else if (kind < 9 || !last) {
                    p.append("/[p").append(i).append(']');
                } else {
                    p.append("/[[rest]]");
                }
            }
            String pattern = p.length() == 0 ? "/" : p.toString();
            if (shapes.add(RoutePattern.parse(pattern).shape())) {
                patterns.add(pattern);
            }
        }
        return patterns;
    }

    private static List<String> randomPaths(Random random, int count) {
        List<String> paths = new ArrayList<>();
        paths.add("/");
        while (paths.size() < count) {
            int length = 1 + random.nextInt(6);
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < length; i++) {
                p.append('/').append(PATH_SEGMENTS[random.nextInt(PATH_SEGMENTS.length)]);
            }
            if (random.nextInt(4) == 0) {
                p.append('/');
            }
            paths.add(p.toString());
        }
        return paths;
    }

    /** The rule read literally: of the routes matching the path, the one whose kinds compare lowest. */
    private static String naiveWinner(List<String> patterns, String path) {
        List<String> segments = decodedSegments(path);
        String best = null;
        List<Segment> bestSegments = null;
        for (String pattern : patterns) {
            List<Segment> candidate = RoutePattern.parse(pattern).segments();
            if (matches(candidate, segments) && (best == null || compareKinds(candidate, bestSegments) < 0)) {
                best = pattern;
                bestSegments = candidate;
            }
        }
        return best;
    }

    private static boolean matches(List<Segment> pattern, List<String> segments) {
        boolean catchAll = !pattern.isEmpty() && pattern.get(pattern.size() - 1).role() == Segment.Role.CATCH_ALL;
        int fixed = catchAll ? pattern.size() - 1 : pattern.size();
        if (catchAll ? segments.size() <= fixed : segments.size() != fixed) {
            return false;
        }
        for (int i = 0; i < fixed; i++) {
            Segment s = pattern.get(i);
            if (s.role() == Segment.Role.STATIC && !s.text().equals(segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static int compareKinds(List<Segment> a, List<Segment> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).role().compareTo(b.get(i).role());
            if (c != 0) {
                return c;
            }
        }
        throw new AssertionError("two matching routes with the same kinds: " + a + " and " + b);
    }

    private static List<String> decodedSegments(String path) {
        String body = path.substring(1);
        if (body.endsWith("/")) {
            body = body.substring(0, body.length() - 1);
        }
        List<String> segments = new ArrayList<>();
        if (!body.isEmpty()) {
            for (String s : body.split("/")) {
                segments.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static String firstEntryMatching(RouteTable<String> table, String path) {
        List<String> segments = decodedSegments(path);
        for (RouteEntry<String> e : table.entries()) {
            if (matches(e.routePattern().segments(), segments)) {
                return e.target();
            }
        }
        return null;
    }

    @Test
    void generatorsProduceOverlappingRoutes() {
        List<String> patterns = randomRoutes(new Random(7), 40);
        long catchAlls = patterns.stream().filter(p -> p.endsWith("]]")).count();
        long params = patterns.stream().filter(p -> p.contains("/[p")).count();
        assertEquals(true, catchAlls > 0 && params > 0, Arrays.toString(patterns.toArray()));
    }
}
