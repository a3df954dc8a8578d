package dev.fetchlet.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pattern syntax: normalization, accessors and every malformed form. */
class RoutePatternTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/api/users/list       | /api/users/list",
        "api/users/list        | /api/users/list",
        "/api/users/list/      | /api/users/list",
        "/api/visit/index      | /api/visit",
        "/api/visit/index/     | /api/visit",
        "/index                | /",
        "index                 | /",
        "/                     | /",
        "''                    | /",
        "/index/index          | /index/index",
        "/index/index/index    | /index/index/index",
        "/a/index/index        | /a/index/index",
        "/index/list           | /index/list",
        "/api/[id]/index       | /api/[id]",
        "/Index                | /Index",
        "/api/[[default]]      | /api/[[default]]",
        "/[a_B-9$]             | /[a_B-9$]",
        "/café/...             | /café/...",
    })
    void normalizes(String pattern, String normalized) {
        assertEquals(normalized, RoutePattern.parse(pattern).pattern());
        assertEquals(normalized, RoutePattern.parse(normalized).pattern(), "the normal form parses to itself");
    }

    @Test
    void catchAllAccessors() {
        RoutePattern p = RoutePattern.parse("/express/[[default]]");
        assertTrue(p.isCatchAll());
        assertEquals("/express", p.staticPrefix());
        assertEquals("default", p.catchAllName());
        assertEquals(List.of("default"), p.paramNames());
    }

    @ParameterizedTest(name = "{0}: prefix {1}")
    @CsvSource(delimiter = '|', value = {
        "/express/[[default]]   | /express",
        "/[[x]]                 | ''",
        "/a/b/[[x]]             | /a/b",
        "/api/[id]/[[rest]]     | /api",
        "/api/users/list        | /api/users/list",
        "/                      | ''",
        "/[id]/list             | ''",
    })
    void staticPrefix(String pattern, String prefix) {
        assertEquals(prefix, RoutePattern.parse(pattern).staticPrefix());
    }

    @Test
    void nonCatchAllAccessors() {
        RoutePattern p = RoutePattern.parse("/[org]/repos/[repo]");
        assertFalse(p.isCatchAll());
        assertNull(p.catchAllName());
        assertEquals(List.of("org", "repo"), p.paramNames());
        assertEquals(List.of(), RoutePattern.parse("/a/b").paramNames());
    }

    @Test
    void equalityIsByNormalizedPattern() {
        assertEquals(RoutePattern.parse("/a/index"), RoutePattern.parse("a/"));
        assertEquals(RoutePattern.parse("/a").hashCode(), RoutePattern.parse("a/index").hashCode());
        assertEquals("/a/[x]", RoutePattern.parse("a/[x]").toString());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "/a/[[x]]/b       | must be the last segment",
        "/[[x]]/index     | must be the last segment",
        "/a/[]            | empty brackets",
        "/a/[[]]          | empty brackets",
        "/a/[x            | unbalanced brackets",
        "/a/x]            | unbalanced brackets",
        "/a/[[x]          | unbalanced brackets",
        "/a/[x]]          | unbalanced brackets",
        "/a/[[x           | unbalanced brackets",
        "/a/[a[b]         | unbalanced brackets",
        "/a/[             | unbalanced brackets",
        "/a/]             | unbalanced brackets",
        "/a/x[id]         | whole segment",
        "/a/[id]x         | unbalanced brackets",
        "/a/b[c           | unbalanced brackets",
        "/a/b]c[          | whole segment",
        "/a/../b          | dot segment",
        "/a/./b           | dot segment",
        "/..              | dot segment",
        "/a/..            | dot segment",
        "/a//b            | empty segment",
        "//a              | empty segment",
        "//               | empty segment",
        "/a//             | empty segment",
        "/[id]/x/[id]     | used twice",
        "/[id]/[[id]]     | used twice",
        "/a/[a b]         | may only use letters, digits",
        "/a/[a.b]         | may only use letters, digits",
        "/a/[é]           | may only use letters, digits",
        "/a/[a/b]         | unbalanced brackets",
        "/a/b%20c         | '%'",
        "/a/b\\c          | not allowed",
        "/a/b?c           | not allowed",
        "/a/b#c           | not allowed",
    })
    void rejects(String pattern, String reason) {
        InvalidRouteException e = assertThrows(InvalidRouteException.class, () -> RoutePattern.parse(pattern));
        assertTrue(e.getMessage().contains("\"" + pattern + "\""), () -> "names the pattern: " + e.getMessage());
        assertTrue(e.getMessage().contains(reason), () -> "says why: " + e.getMessage());
    }

    @Test
    void rejectsControlCharacters() {
        assertThrows(InvalidRouteException.class, () -> RoutePattern.parse("/a/b\tc"));
        assertThrows(InvalidRouteException.class, () -> RoutePattern.parse("/a/\u0000"));
    }
}
