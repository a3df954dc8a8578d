package dev.fetchlet.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Paths that are refused (400) whatever the routes, never routed across or out of segments. */
class BadPathTest {
    /** Routes that would match each bad path if it were decoded naively. */
    private static final RouteTable<String> TABLE =
            Routes.table("/[[all]]", "/a/[x]", "/a/[x]/[y]", "/a/b", "/files/[[path]]");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "/a/%zz          | malformed percent-escape",
        "/a/%g0          | malformed percent-escape",
        "/a/%0           | truncated percent-escape",
        "/a/%2           | truncated percent-escape",
        "/a/%2/          | truncated percent-escape",
        "/a/%            | truncated percent-escape",
        "/a/%/b          | malformed percent-escape",
        "/a/x%2          | truncated percent-escape",
        "/a/%C3          | incomplete UTF-8",
        "/a/%C3/b        | incomplete UTF-8",
        "/a/%C3x         | incomplete UTF-8",
        "/a/%E6%97       | incomplete UTF-8",
        "/a/%FF          | invalid UTF-8",
        "/a/%80          | invalid UTF-8",
        "/a/%C0%AF       | invalid UTF-8",
        "/a/%C1%81       | invalid UTF-8",
        "/a/%E0%80%AF    | invalid UTF-8",
        "/a/%ED%A0%80    | invalid UTF-8",
        "/a/%F4%90%80%80 | invalid UTF-8",
        "/a/%F5%80%80%80 | invalid UTF-8",
        "/a/%C3%28       | invalid UTF-8",
        "/a/%2F          | encoded slash",
        "/a/%2f          | encoded slash",
        "/a/b%2Fc        | encoded slash",
        "/files/a%2Fb    | encoded slash",
        "/a/%5C          | encoded slash or backslash",
        "/a/%5c          | encoded slash or backslash",
        "/a/..%5C..      | encoded slash or backslash",
        "/a/b\\c         | backslash",
        "/a/%00          | null byte",
        "/a/x%00y        | null byte",
        "/.              | dot segment",
        "/..             | dot segment",
        "/a/.            | dot segment",
        "/a/..           | dot segment",
        "/a/../b         | dot segment",
        "/a/./b          | dot segment",
        "/a/../          | dot segment",
        "/a/%2e          | dot segment",
        "/a/%2E          | dot segment",
        "/a/%2e%2e       | dot segment",
        "/a/%2E%2e/b     | dot segment",
        "/a/.%2e         | dot segment",
        "/a/%2e.         | dot segment",
        "/files/%2e%2e/etc/passwd | dot segment",
        "/../etc/passwd  | dot segment",
        "/a/..;/b        | dot segment with a ';' parameter",
        "/a/..;          | dot segment with a ';' parameter",
        "/a/.;/b         | dot segment with a ';' parameter",
        "/a/..;x=1/b     | dot segment with a ';' parameter",
        "/a/%2e%2e;/b    | dot segment with a ';' parameter",
        "/a/%2E;/b       | dot segment with a ';' parameter",
        "/a/..%3B/b      | dot segment with a ';' parameter",
        "/files/..;/..;/etc | dot segment with a ';' parameter",
    })
    void refused(String path, String reason) {
        BadPathException e = assertThrows(BadPathException.class, () -> TABLE.match(path));
        String message = e.getMessage().replace("'.' or '..' segment", "dot segment");
        assertTrue(message.contains(reason), () -> "message for " + path + ": " + e.getMessage());
    }

    @Test
    void literalNullCharacterIsRefused() {
        assertThrows(BadPathException.class, () -> TABLE.match("/a/x\u0000y"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "api", "%2Fa"})
    void pathMustStartWithASlash(String path) {
        assertThrows(BadPathException.class, () -> TABLE.match(path));
    }

    @Test
    void refusedEvenWhenNoRouteCouldMatch() {
        RouteTable<String> empty = Routes.table();
        assertThrows(BadPathException.class, () -> empty.match("/nowhere/%zz"));
        assertThrows(BadPathException.class, () -> empty.match("/nowhere/.."));
    }

    @Test
    void refusedRatherThanUnmatchedWhenBothApply() {
        assertThrows(BadPathException.class, () -> TABLE.match("/a//%zz"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a/b;c", "/a/;x", "/a/...;x", "/a/x..;", "/a/%252e%252e"})
    void aParameterAfterANameIsNotADotSegment(String path) {
        assertTrue(TABLE.match(path) != null, path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a/...", "/a/.b", "/a/b.", "/a/..b", "/a/%2e%2e%2e", "/a/.well-known"})
    void dotsInsideANameAreFine(String path) {
        RouteMatch<String> m = TABLE.match(path);
        assertTrue(m != null && m.params().get("x").contains("."), path);
    }

    @Test
    void messagesDoNotEchoThePath() {
        BadPathException e = assertThrows(BadPathException.class, () -> TABLE.match("/<script>/%zz"));
        assertTrue(!e.getMessage().contains("<script>"), e.getMessage());
    }

    @Test
    void everyOtherAsciiCharacterIsAcceptedAnywhereInASegment() {
        RouteTable<String> table = Routes.table("/a/[x]");
        for (char c = 1; c < 128; c++) {
            if (c == '%' || c == '\\' || c == '/' || c == '.') {
                continue;
            }
            for (String segment : new String[] {"" + c, c + "z", "z" + c, "z" + c + "z"}) {
                assertEquals(segment, table.match("/a/" + segment).params().get("x"), "char " + (int) c);
            }
        }
    }

    @Test
    void validEscapesAreAccepted() {
        assertNull(Routes.table("/x").match("/a/%41/%7E%20%C3%A9%E2%82%AC%F0%9F%98%80/b/c"));
    }
}
