package dev.fetchlet.routing;

import static dev.fetchlet.routing.Routes.served;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.fetchlet.Params;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Segment kinds, precedence, trailing slashes and parameter values. */
class MatchingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
        "/api/users/7,          /api/users/[id]",
        "/api/users/7/,         /api/users/[id]",
        "/api/users/7/x,        /api/[[d]]",
        "/api/users/list,       /api/users/list",
        "/api/users,            /api/[[d]]",
        "/api/other,            /api/[[d]]",
        "/docs,                 /[[all]]",
        "/,                     none",
        "/api,                  /[[all]]",
    })
    void staticBeatsParamBeatsCatchAllWithBacktracking(String path, String expected) {
        RouteTable<String> table = Routes.table("/api/users/[id]", "/api/[[d]]", "/api/users/list", "/[[all]]");
        assertEquals(expected, served(table, path));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/a/b/c/d,  /a/b/[[r]]",
        "/a/b/c,    /a/b/[[r]]",
        "/a/b,      /a/[[r]]",
        "/a/x/y,    /a/[[r]]",
        "/b/c,      /[[r]]",
    })
    void longerStaticPrefixWinsAmongCatchAlls(String path, String expected) {
        RouteTable<String> table = Routes.table("/[[r]]", "/a/[[r]]", "/a/b/[[r]]");
        assertEquals(expected, served(table, path));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
        "/a/b/c,  /a/b/c",
        "/a/x/c,  /a/[x]/c",
        "/a/b/d,  /a/[x]/d",  // backtracks from the static b branch to [x]
        "/a/b/e,  /a/[[r]]",  // and then to the catch-all
        "/a/b,    /a/[[r]]",
    })
    void backtracksThroughEveryAlternative(String path, String expected) {
        RouteTable<String> table = Routes.table("/a/b/c", "/a/[x]/c", "/a/[x]/d", "/a/[[r]]");
        assertEquals(expected, served(table, path));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
        "/hello,     /hello",
        "/hello/,    /hello",
        "/hello//,   none",
        "/,          /",
        "//,         none",
        "/a//b,      none",
        "//a,        none",
        "/a//,       none",
    })
    void oneTrailingSlashIsOptional(String path, String expected) {
        assertEquals(expected, served(Routes.table("/hello", "/", "/a/b", "/a", "/[[x]]"), path));
    }

    @Test
    void emptySegmentsMatchNothingEvenUnderARootCatchAll() {
        RouteTable<String> table = Routes.table("/[[x]]", "/a/[y]/[z]");
        assertNull(table.match("/a//b"));
        assertNull(table.match("//"));
        assertEquals("/[[x]]", served(table, "/a/b"));
    }

    @Test
    void rootCatchAllMatchesEverythingButTheRoot() {
        RouteTable<String> table = Routes.table("/[[x]]");
        assertNull(table.match("/"));
        assertNull(table.match(""));
        assertEquals(List.of("a"), table.match("/a").params().list("x"));
        assertEquals(List.of("a", "b", "c"), table.match("/a/b/c/").params().list("x"));
    }

    @Test
    void emptyPathIsTheRoot() {
        assertEquals("/index", served(Routes.table("/index"), ""));
    }

    @Test
    void staticSegmentsAreCaseSensitive() {
        RouteTable<String> table = Routes.table("/helloworld");
        assertNull(table.match("/HelloWorld"));
        assertNull(table.match("/HELLOWORLD"));
        assertEquals("/helloworld", served(table, "/helloworld"));
    }

    @Test
    void paramValueIsTheDecodedSegment() {
        RouteTable<String> table = Routes.table("/api/users/[id]");
        assertEquals("1024", table.match("/api/users/1024").params().get("id"));
        assertEquals("a b", table.match("/api/users/a%20b").params().get("id"));
        assertEquals("é", table.match("/api/users/%C3%A9").params().get("id"));
        assertEquals("é", table.match("/api/users/%c3%a9").params().get("id"));
        assertEquals("日本", table.match("/api/users/%E6%97%A5%E6%9C%AC").params().get("id"));
        assertEquals("😀x", table.match("/api/users/%F0%9F%98%80x").params().get("id"));
        assertEquals("a+b", table.match("/api/users/a+b").params().get("id"), "'+' is not a space in a path");
        assertEquals("100%", table.match("/api/users/100%25").params().get("id"));
        assertEquals("...", table.match("/api/users/...").params().get("id"));
        assertEquals("a;b", table.match("/api/users/a;b").params().get("id"));
    }

    @Test
    void catchAllValueIsTheDecodedSegments() {
        RouteMatch<String> m = Routes.table("/docs/[[path]]").match("/docs/a%20b/%C3%A9/c/");
        assertEquals(List.of("a b", "é", "c"), m.params().list("path"));
        assertEquals("a b/é/c", m.params().get("path"));
    }

    @Test
    void paramsOfEveryKindTogether() {
        RouteMatch<String> m = Routes.table("/[org]/repos/[repo]/[[file]]").match("/acme/repos/web/src/Main.java");
        assertEquals(Params.of(Map.of("org", "acme", "repo", "web", "file", List.of("src", "Main.java"))),
                m.params());
        assertEquals(List.of("org", "repo", "file"), List.copyOf(m.params().names()), "pattern order");
        assertEquals("/[org]/repos/[repo]/[[file]]", m.pattern());
    }

    @Test
    void staticSegmentsCompareDecoded() {
        RouteTable<String> table = Routes.table("/api/users/list", "/caf\u00e9", "/a b");
        assertEquals("/api/users/list", served(table, "/api/%75sers/list"));
        assertEquals("/api/users/list", served(table, "/%61%70%69/users/%6C%69%73%74/"));
        assertEquals("/café", served(table, "/caf%C3%A9"));
        assertEquals("/a b", served(table, "/a%20b"));
    }

    @Test
    void staticRouteMatchHasEmptyParamsAndIsShared() {
        RouteTable<String> table = Routes.table("/api/users/list");
        RouteMatch<String> first = table.match("/api/users/list");
        assertSame(Params.empty(), first.params());
        assertSame(first, table.match("/api/users/list/"), "static matches are immutable and reused");
        assertNull(first.rawPrefix());
        assertNull(first.rawRemainder());
    }

    @Test
    void matchCarriesTargetPatternAndSource() {
        RouteTable<Integer> table = RouteTable.<Integer>builder()
                .add("api/visit/index/", 42, "com.example.Visit")
                .build();
        RouteMatch<Integer> m = table.match("/api/visit");
        assertEquals(42, m.target());
        assertEquals("/api/visit", m.pattern());
        assertEquals("com.example.Visit", m.entry().source());
    }

    @ParameterizedTest(name = "{0} -> {1} + {2}")
    @CsvSource(delimiter = '|', value = {
        "/express/users/7        | /express    | /users/7",
        "/express/users/7/       | /express    | /users/7/",
        "/%65xpress/users/a%20b  | /%65xpress  | /users/a%20b",
        "/express/x              | /express    | /x",
    })
    void catchAllSplitsTheRawPathForMounting(String path, String prefix, String remainder) {
        RouteMatch<String> m = Routes.table("/express/[[default]]").match(path);
        assertEquals(prefix, m.rawPrefix());
        assertEquals(remainder, m.rawRemainder());
    }

    @Test
    void rootCatchAllMountsAtTheRoot() {
        RouteMatch<String> m = Routes.table("/[[app]]").match("/users/7");
        assertEquals("", m.rawPrefix());
        assertEquals("/users/7", m.rawRemainder());
    }

    @Test
    void catchAllAfterAParamMountsAfterIt() {
        RouteMatch<String> m = Routes.table("/t/[tenant]/[[app]]").match("/t/acme/users/7");
        assertEquals("/t/acme", m.rawPrefix());
        assertEquals("/users/7", m.rawRemainder());
        assertEquals("acme", m.params().get("tenant"));
    }
}
