package dev.fetchlet.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Routes that cannot be deployed: the table refuses to build, naming the patterns and classes. */
class DeploymentFailureTest {

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({
        "/a/[x],      /a/[y]",
        "/a/index,    /a",
        "/a/,         /a",
        "a,           /a",
        "/a/[[x]],    /a/[[y]]",
        "/index,      /",
        "/[p]/b/[[x]], /[q]/b/[[y]]",
        "/a/b,        /a/b",
    })
    void duplicatesNameBothPatternsAndBothClasses(String first, String second) {
        RouteTable.Builder<String> builder = RouteTable.<String>builder()
                .add(first, "one", "com.example.First")
                .add("/unrelated", "ok", "com.example.Fine")
                .add(second, "two", "com.example.Second");
        InvalidRouteException e = assertThrows(InvalidRouteException.class, builder::build);
        String message = e.getMessage();
        assertTrue(message.startsWith("Duplicate route"), message);
        assertTrue(message.contains("\"" + first + "\" (com.example.First)"), message);
        assertTrue(message.contains("\"" + second + "\" (com.example.Second)"), message);
        assertTrue(!message.contains("com.example.Fine"), message);
    }

    @Test
    void duplicateMessageIsTheSameWhateverTheOrder() {
        InvalidRouteException ab = assertThrows(InvalidRouteException.class, () -> RouteTable.<String>builder()
                .add("/a/index", "1", "com.example.A").add("/a", "2", "com.example.B").build());
        InvalidRouteException ba = assertThrows(InvalidRouteException.class, () -> RouteTable.<String>builder()
                .add("/a", "2", "com.example.B").add("/a/index", "1", "com.example.A").build());
        assertEquals(ab.getMessage(), ba.getMessage());
        assertEquals("Duplicate route: \"/a\" (com.example.B) and \"/a/index\" (com.example.A) both serve /a",
                ab.getMessage());
    }

    @Test
    void threeOfAKindAreOneProblem() {
        InvalidRouteException e = assertThrows(InvalidRouteException.class, () -> RouteTable.<String>builder()
                .add("/u/[a]", "1", "com.example.A")
                .add("/u/[b]", "2", "com.example.B")
                .add("/u/[c]", "3", "com.example.C")
                .build());
        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().contains("com.example.A")
                && e.getMessage().contains("com.example.B")
                && e.getMessage().contains("com.example.C"), e.getMessage());
    }

    @Test
    void sameShapeButDifferentKindsAreNotDuplicates() {
        RouteTable<String> table = Routes.table("/a/[x]", "/a/[[x]]", "/a/x", "/a");
        assertEquals(4, table.size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/a/[[x]]/b",
        "/a/[]",
        "/a/[[]]",
        "/a/[x",
        "/a/[[x]",
        "/a/../b",
        "/a/./b",
        "/a//b",
        "/[id]/[id]",
        "/a/[a.b]",
    })
    void malformedPatternNamesThePatternAndTheClass(String pattern) {
        RouteTable.Builder<String> builder = RouteTable.<String>builder()
                .add("/fine", "ok", "com.example.Fine")
                .add(pattern, "bad", "com.example.Broken");
        InvalidRouteException e = assertThrows(InvalidRouteException.class, builder::build);
        assertTrue(e.getMessage().contains("\"" + pattern + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("com.example.Broken"), e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        InvalidRouteException e = assertThrows(InvalidRouteException.class, () -> RouteTable.<String>builder()
                .add("/a/[[x]]/b", "1", "com.example.CatchAllInTheMiddle")
                .add("/b/[]", "2", "com.example.EmptyBrackets")
                .add("/c/[x]", "3", "com.example.C1")
                .add("/c/[y]", "4", "com.example.C2")
                .build());
        assertEquals(3, e.problems().size(), e.getMessage());
        for (String name : new String[] {"CatchAllInTheMiddle", "EmptyBrackets", "C1", "C2"}) {
            assertTrue(e.getMessage().contains("com.example." + name), e.getMessage());
        }
    }

    @Test
    void nullArgumentsAreRefusedWhenAdded() {
        RouteTable.Builder<String> builder = RouteTable.builder();
        assertThrows(NullPointerException.class, () -> builder.add(null, "t", "s"));
        assertThrows(NullPointerException.class, () -> builder.add("/a", null, "s"));
        assertThrows(NullPointerException.class, () -> builder.add("/a", "t", null));
    }
}
