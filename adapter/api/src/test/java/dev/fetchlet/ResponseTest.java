package dev.fetchlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@link Response} factories, fluent setters and body access. */
class ResponseTest {

    record User(String name, int age) {
    }

    @Test
    void textIsUtf8PlainText() throws Exception {
        Response r = Response.text("héllo");
        assertEquals(200, r.status());
        assertEquals("text/plain; charset=UTF-8", r.headers().get("Content-Type"));
        assertEquals("héllo", r.bodyText());
        assertEquals("héllo".getBytes(StandardCharsets.UTF_8).length, r.contentLength());
        assertFalse(r.isStreaming());
    }

    @Test
    void htmlIsUtf8Html() throws Exception {
        Response r = Response.html("<p>é</p>");
        assertEquals(200, r.status());
        assertEquals("text/html; charset=UTF-8", r.headers().get("Content-Type"));
        assertEquals("<p>é</p>", r.bodyText());
    }

    @Test
    void jsonSerialisesRecordsMapsAndLists() throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("user", new User("Ada", 36));
        map.put("tags", List.of("a", "b"));
        map.put("none", null);
        Response r = Response.json(map);
        assertEquals(200, r.status());
        assertEquals("application/json", r.headers().get("Content-Type"));
        assertEquals("{\"user\":{\"name\":\"Ada\",\"age\":36},\"tags\":[\"a\",\"b\"],\"none\":null}", r.bodyText());
    }

    @Test
    void jsonWritesJavaTimeAsIsoText() throws Exception {
        assertEquals("\"2024-05-01\"", Response.json(java.time.LocalDate.of(2024, 5, 1)).bodyText());
    }

    @Test
    void bytesKeepTheContentTypeAndACopyOfTheArray() throws Exception {
        byte[] data = {1, 2, 3};
        Response r = Response.bytes(data, "application/octet-stream");
        data[0] = 9;
        assertEquals("application/octet-stream", r.headers().get("Content-Type"));
        assertArrayEquals(new byte[] {1, 2, 3}, r.bodyBytes());
        assertEquals(3, r.contentLength());
    }

    @Test
    void emptyHasTheStatusAndNoBody() throws Exception {
        Response r = Response.empty(204);
        assertEquals(204, r.status());
        assertEquals(0, r.contentLength());
        assertEquals("", r.bodyText());
        assertNull(r.headers().get("Content-Type"));
    }

    @Test
    void redirectDefaultsTo302WithLocation() {
        Response r = Response.redirect("/login?next=%2F");
        assertEquals(302, r.status());
        assertEquals("/login?next=%2F", r.headers().get("Location"));
        assertEquals(0, r.contentLength());
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void redirectTakesEveryRedirectStatus(int status) {
        assertEquals(status, Response.redirect("https://example.com/", status).status());
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 300, 304, 305, 306, 309, 404})
    void redirectRefusesOtherStatuses(int status) {
        assertThrows(IllegalArgumentException.class, () -> Response.redirect("/x", status));
    }

    @Test
    void redirectRefusesALocationThatWouldInjectAHeader() {
        assertThrows(IllegalArgumentException.class, () -> Response.redirect("/x\r\nSet-Cookie: a=1"));
    }

    @Test
    void statusAndHeadersAreFluent() {
        Response r = Response.json(Map.of("id", 7)).status(201).header("Location", "/items/7").header("X-A", "1")
                .header("x-a", "2");
        assertEquals(201, r.status());
        assertEquals("/items/7", r.headers().get("Location"));
        assertEquals(List.of("2"), r.headers().getAll("X-A"), "header() replaces");
        r.headers().append("Set-Cookie", "a=1").append("Set-Cookie", "b=2");
        assertEquals(List.of("a=1", "b=2"), r.headers().getSetCookie());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 99, 600, 1000})
    void invalidStatusThrows(int status) {
        assertThrows(IllegalArgumentException.class, () -> Response.text("x").status(status));
        assertThrows(IllegalArgumentException.class, () -> Response.empty(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 200, 418, 599})
    void statusBoundsAreInclusive(int status) {
        assertEquals(status, Response.empty(status).status());
    }

    @Test
    void headerWithCrLfThrows() {
        assertThrows(IllegalArgumentException.class, () -> Response.text("x").header("X-A", "1\r\nX-B: 2"));
    }

    @Test
    void streamWritesThroughTheWriterAndHasNoLength() throws Exception {
        Response r = Response.stream("text/csv", out -> {
            out.write("a,b\n".getBytes(StandardCharsets.UTF_8));
            out.write("1,2\n".getBytes(StandardCharsets.UTF_8));
        });
        assertEquals(200, r.status());
        assertEquals("text/csv", r.headers().get("Content-Type"));
        assertTrue(r.isStreaming());
        assertEquals(-1, r.contentLength());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.writeBody(out);
        assertEquals("a,b\n1,2\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("a,b\n1,2\n", r.bodyText());
    }

    @Test
    void streamWriterRunsOnlyWhenTheBodyIsWritten() throws Exception {
        int[] calls = {0};
        Response r = Response.stream("text/plain", out -> calls[0]++);
        assertEquals(0, calls[0]);
        r.writeBody(new ByteArrayOutputStream());
        assertEquals(1, calls[0]);
    }

    @Test
    void streamWriterExceptionPropagates() {
        IllegalStateException boom = new IllegalStateException("boom");
        Response r = Response.stream("text/plain", out -> {
            throw boom;
        });
        assertSame(boom, assertThrows(IllegalStateException.class, r::bodyText));
    }

    @Test
    void streamRefusesANullWriter() {
        assertThrows(NullPointerException.class, () -> Response.stream("text/plain", null));
    }

    @Test
    void sseHasEventStreamHeadersAndStreams() throws Exception {
        Response r = Response.sse(events -> events.send("tick", "1"));
        assertEquals(200, r.status());
        assertEquals("text/event-stream; charset=UTF-8", r.headers().get("Content-Type"));
        assertEquals("no-cache", r.headers().get("Cache-Control"));
        assertEquals("no", r.headers().get("X-Accel-Buffering"));
        assertTrue(r.isStreaming());
        assertEquals(-1, r.contentLength());
        assertEquals("event: tick\ndata: 1\n\n", r.bodyText());
    }

    @Test
    void byteBodyWritesItsBytes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Response.text("abc").writeBody(out);
        assertEquals("abc", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void toStringNamesStatusAndBodyKind() {
        assertTrue(Response.text("abc").toString().contains("200"));
        assertTrue(Response.stream("text/plain", out -> { }).toString().contains("streaming"));
    }
}
