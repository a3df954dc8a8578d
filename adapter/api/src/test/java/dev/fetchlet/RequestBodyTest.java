package dev.fetchlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The body readers of {@link Request}: text, JSON, bytes, stream, and the read-once rule. */
class RequestBodyTest {

    record Order(String item, int quantity) {
    }

    private static Request post(String contentType, byte[] body) {
        Request.Builder b = Request.builder("POST", "http://localhost/api").body(body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return b.build();
    }

    private static Request post(String contentType, String body) {
        return post(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void textDefaultsToUtf8() {
        assertEquals("héllo €", post(null, "héllo €").text());
        assertEquals("héllo €", post("text/plain", "héllo €").text());
    }

    @Test
    void textUsesTheCharsetOfContentType() {
        byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("café", post("text/plain; charset=ISO-8859-1", latin1).text());
        assertEquals("café", post("text/plain;charset=\"iso-8859-1\"", latin1).text());
        byte[] utf16 = "żółw".getBytes(StandardCharsets.UTF_16BE);
        assertEquals("żółw", post("text/plain; Charset=UTF-16BE", utf16).text());
    }

    @Test
    void unknownCharsetFallsBackToUtf8() {
        assertEquals("é", post("text/plain; charset=no-such-charset", "é").text());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonIntoMapsAndLists() {
        Object value = post("application/json", "{\"a\":1,\"b\":[true,null,\"x\"],\"c\":{\"d\":1.5}}").json();
        Map<String, Object> map = (Map<String, Object>) value;
        assertEquals(1, map.get("a"));
        assertEquals(java.util.Arrays.asList(true, null, "x"), map.get("b"));
        assertEquals(Map.of("d", 1.5), map.get("c"));
    }

    @Test
    void jsonIntoARecordIgnoringUnknownFields() {
        Order order = post("application/json", "{\"item\":\"book\",\"quantity\":3,\"extra\":1}").json(Order.class);
        assertEquals(new Order("book", 3), order);
    }

    @Test
    void jsonIntoMapClass() {
        assertEquals(Map.of("k", "v"), post("application/json", "{\"k\":\"v\"}").json(Map.class));
    }

    @Test
    void jsonNullLiteralIsNullForUntypedReads() {
        assertNull(post("application/json", "null").json());
    }

    @Test
    void jsonNullLiteralIsABadRequestForATypedRead() {
        assertEquals(400, assertThrows(HttpException.class,
                () -> post("application/json", "null").json(Order.class)).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":}", "not json", "{\"a\":1} trailing", "[1,2]]", "'single'", "{\"a\":1}{\"b\":2}"})
    void invalidJsonIsABadRequest(String body) {
        HttpException e = assertThrows(HttpException.class, () -> post("application/json", body).json());
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("Invalid JSON body"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void emptyBodyIsABadRequest(String body) {
        HttpException untyped = assertThrows(HttpException.class, () -> post("application/json", body).json());
        assertEquals(400, untyped.status());
        HttpException typed = assertThrows(HttpException.class, () -> post("application/json", body).json(Order.class));
        assertEquals(400, typed.status());
    }

    @Test
    void jsonThatDoesNotFitTheTypeIsABadRequest() {
        HttpException e = assertThrows(HttpException.class,
                () -> post("application/json", "{\"item\":\"book\",\"quantity\":\"many\"}").json(Order.class));
        assertEquals(400, e.status());
    }

    @Test
    void bytesAreReturnedExactly() {
        byte[] body = {0, 1, 2, (byte) 0xFF, '\r', '\n'};
        assertArrayEquals(body, post("application/octet-stream", body).bytes());
    }

    @Test
    void bodyStreamIsTheBodyAsSent() throws IOException {
        InputStream source = new ByteArrayInputStream("streamed".getBytes(StandardCharsets.UTF_8));
        Request r = Request.builder("POST", "http://localhost/").body(source).build();
        assertFalse(r.bodyUsed());
        try (InputStream in = r.body()) {
            assertEquals('s', in.read());
            assertEquals("treamed", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(r.bodyUsed());
    }

    @Test
    void everyReaderMarksTheBodyUsedAndEveryOtherReaderThenThrows() {
        Map<String, Consumer<Request>> readers = Map.of(
                "body", Request::body,
                "bytes", Request::bytes,
                "text", Request::text,
                "json", Request::json,
                "jsonTyped", r -> r.json(Map.class),
                "formData", Request::formData);
        for (Map.Entry<String, Consumer<Request>> first : readers.entrySet()) {
            for (Map.Entry<String, Consumer<Request>> second : readers.entrySet()) {
                Request r = post("application/x-www-form-urlencoded", "{}");
                assertFalse(r.bodyUsed());
                try {
                    first.getValue().accept(r);
                } catch (HttpException expectedForSomeReaders) {
                    // "{}" is not valid form data for every reader; what matters is that the body was taken
                }
                assertTrue(r.bodyUsed(), first.getKey() + " marks the body used");
                assertThrows(IllegalStateException.class, () -> second.getValue().accept(r),
                        second.getKey() + " after " + first.getKey());
            }
        }
    }

    @Test
    void aFailedJsonReadStillUsesTheBody() {
        Request r = post("application/json", "{oops");
        assertThrows(HttpException.class, r::json);
        assertTrue(r.bodyUsed());
        assertThrows(IllegalStateException.class, r::text);
    }

    @Test
    void readingBodyTwiceThroughTheSameReaderThrows() {
        Request r = post("text/plain", "once");
        assertEquals("once", r.text());
        IllegalStateException e = assertThrows(IllegalStateException.class, r::text);
        assertTrue(e.getMessage().contains("already"), e.getMessage());
    }

    @Test
    void listOfHelpersDoesNotTouchTheBody() {
        Request r = post("application/json", "[1]");
        r.headers();
        r.contentType();
        r.queryParams();
        assertFalse(r.bodyUsed());
        assertEquals(List.of(1), r.json());
    }
}
