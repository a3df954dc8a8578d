package dev.fetchlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The request line side of {@link Request}: builder, URL parts and query parameters. */
class RequestTest {

    @Test
    void builderKeepsMethodUrlAndHeaders() {
        Request r = Request.builder("PUT", "https://example.com:8443/api/items/7?x=1")
                .header("Content-Type", "application/json")
                .header("X-Trace", "a")
                .header("x-trace", "b")
                .build();
        assertEquals("PUT", r.method());
        assertEquals("https://example.com:8443/api/items/7?x=1", r.url());
        assertEquals("application/json", r.contentType());
        assertEquals("a, b", r.header("X-TRACE"));
        assertEquals(List.of("a", "b"), r.headers().getAll("X-Trace"));
        assertEquals("PUT https://example.com:8443/api/items/7?x=1", r.toString());
    }

    @Test
    void builderTakesAHeadersObjectAsIs() {
        Headers h = Headers.of("Accept", "text/plain");
        Request r = Request.builder("GET", "http://localhost/").headers(h).build();
        assertSame(h, r.headers());
    }

    @Test
    void builderRefusesNullMethodOrUrl() {
        assertThrows(NullPointerException.class, () -> Request.builder(null, "http://localhost/"));
        assertThrows(NullPointerException.class, () -> Request.builder("GET", null));
    }

    @Test
    void noBodyReadsAsEmpty() {
        Request r = Request.builder("GET", "http://localhost/").build();
        assertEquals(0, r.bytes().length);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {
        "http://example.com/a/b?x=1&y=2#frag,  /a/b,        x=1&y=2",
        "http://example.com,                   /,           none",
        "http://example.com?q=1,               /,           q=1",
        "http://example.com#top,               /,           none",
        "https://user@example.com:8443?a=b#c,  /,           a=b",
        "http://example.com/,                  /,           none",
        "http://example.com/a%20b/c%2Fd?,      /a%20b/c%2Fd, ''",
        "/relative/path?k=v,                   /relative/path, k=v",
        "http://example.com/p#only-fragment?no, /p,         none",
    })
    void rawPathAndRawQueryComeFromTheUrl(String url, String rawPath, String rawQuery) {
        Request r = Request.builder("GET", url).build();
        assertEquals(rawPath, r.rawPath());
        assertEquals(rawQuery, r.rawQuery());
    }

    @Test
    void targetOverridesWhatTheUrlWouldGive() {
        Request r = Request.builder("GET", "http://example.com/ctx/api/x?a=1").target("/api/x", "a=1").build();
        assertEquals("/api/x", r.rawPath());
        assertEquals("a=1", r.rawQuery());
        assertEquals("http://example.com/ctx/api/x?a=1", r.url());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/users/a%20b,        /users/a b",
        "/users/a+b,          /users/a+b",   // '+' is a plus in a path, not a space
        "/caf%C3%A9,          /café",
        "/a%2Fb,              /a/b",
        "/bad%zz,             /bad%zz",      // malformed escapes stay as sent
    })
    void pathIsDecoded(String rawPath, String path) {
        Request r = Request.builder("GET", "http://example.com" + rawPath).build();
        assertEquals(path, r.path());
    }

    @Test
    void aUrlWithoutQueryOrWithAnEmptyOneHasNoParametersAndStaysReadOnly() {
        for (String url : new String[] {"http://example.com/a", "http://example.com/a?"}) {
            Request r = Request.builder("GET", url).build();
            assertNull(r.query("name"), url);
            assertTrue(r.queryParams().isEmpty(), url);
            assertThrows(UnsupportedOperationException.class,
                () -> r.queryParams().put("x", List.of("1")), url);
        }
    }

    @Test
    void queryParametersAreDecodedRepeatedAndOrdered() {
        Request r = Request.builder("GET", "http://x/s?q=a+b&tag=1&tag=2&e=caf%C3%A9&plus=%2B&flag&empty=&=anon").build();
        assertEquals("a b", r.query("q"), "'+' means a space in a query string");
        assertEquals("1", r.query("tag"));
        assertEquals(List.of("1", "2"), r.queryParams().get("tag"));
        assertEquals("café", r.query("e"));
        assertEquals("+", r.query("plus"));
        assertEquals("", r.query("flag"));
        assertEquals("", r.query("empty"));
        assertEquals("anon", r.query(""));
        assertNull(r.query("missing"));
        assertEquals(List.of("q", "tag", "e", "plus", "flag", "empty", ""), List.copyOf(r.queryParams().keySet()));
    }

    @Test
    void queryParametersAreReadOnly() {
        Request r = Request.builder("GET", "http://x/s?tag=1&tag=2").build();
        assertThrows(UnsupportedOperationException.class, () -> r.queryParams().put("x", List.of()));
        assertThrows(UnsupportedOperationException.class, () -> r.queryParams().get("tag").add("3"));
        assertEquals(List.of("1", "2"), r.queryParams().get("tag"));
    }

    @Test
    void encodedAmpersandAndEqualsStayInsideValues() {
        Request r = Request.builder("GET", "http://x/?a=1%262&b%3Dc=d&&").build();
        assertEquals("1&2", r.query("a"));
        assertEquals("d", r.query("b=c"));
        assertEquals(2, r.queryParams().size());
    }

    @Test
    void noQueryMeansNoParameters() {
        Request r = Request.builder("GET", "http://x/path").build();
        assertTrue(r.queryParams().isEmpty());
        assertEquals(Map.of(), r.queryParams());
        assertNull(r.query("a"));
    }

    @Test
    void malformedQueryEscapeIsABadRequest() {
        Request r = Request.builder("GET", "http://x/?a=%E").build();
        HttpException e = assertThrows(HttpException.class, () -> r.query("a"));
        assertEquals(400, e.status());
    }
}
