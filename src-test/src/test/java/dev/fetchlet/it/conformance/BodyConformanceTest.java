package dev.fetchlet.it.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachContainer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3, the request body, headers and streaming responses: every body reader, read-once, invalid JSON,
 * multi-valued headers and cookies, Server-Sent Events and a large streamed body.
 */
@OnEachContainer
class BodyConformanceTest extends ConformanceTest {

    BodyConformanceTest(ContainerKind kind) {
        super(kind);
    }

    // ---- body readers ----

    @Test
    void textDecodesTheBodyInItsDeclaredCharset() {
        byte[] latin1 = "h\u00e9llo \u00fc".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/conformance/echo/text"))
                .header("Content-Type", "text/plain; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("h\u00e9llo \u00fc", r.body());
    }

    @Test
    void textDefaultsToUtf8() {
        HttpResponse<String> r = post("/conformance/echo/text", "text/plain", "\u20ac and \u00e9");
        assertEquals("\u20ac and \u00e9", r.body());
    }

    @Test
    void bytesReturnsTheBodyExactly() throws Exception {
        byte[] all = new byte[256 * 4];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(uri("/conformance/echo/bytes"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(all)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals(String.valueOf(all.length), r.headers().firstValue("X-Body-Length").orElse(null));
        assertArrayEquals(all, r.body());
    }

    @Test
    void jsonParsesTheBody() {
        String doc = "{\"a\":[1,2.5,true,null],\"b\":{\"c\":\"\u00e9\"}}";
        HttpResponse<String> r = post("/api/echo", "application/json", doc);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(json(doc), json(r));
    }

    @Test
    void jsonOfClassBindsARecord() {
        HttpResponse<String> r = post("/conformance/echo/record", "application/json", "{\"name\":\"pen\",\"quantity\":3}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals("Item", body.get("type").asText());
        assertEquals("pen", body.get("name").asText());
        assertEquals(3, body.get("quantity").asInt());
    }

    @Test
    void invalidJsonAnswers400() {
        HttpResponse<String> r = post("/api/echo", "application/json", "{\"a\": ");
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("Bad Request", json(r).get("error").asText());
        assertFunctionReply(r);
        assertFalse(r.body().contains("com.fasterxml"), "no internals: " + r.body());
    }

    @Test
    void emptyJsonBodyAnswers400() {
        assertEquals(400, post("/api/echo", "application/json", "").statusCode());
    }

    @Test
    void jsonThatDoesNotFitTheClassAnswers400() {
        HttpResponse<String> r = post("/conformance/echo/record", "application/json", "{\"quantity\":\"many\"}");
        assertEquals(400, r.statusCode(), r.body());
    }

    @Test
    void formDataReadsUrlEncodedForms() {
        HttpResponse<String> r = post("/conformance/form", "application/x-www-form-urlencoded",
                "a=1&b=x+y&a=2&c=%C3%A9%26");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode fields = json(r).get("fields");
        assertEquals(List.of("1", "2"), RoutingConformanceTest.strings(fields.get("a")));
        assertEquals(List.of("x y"), RoutingConformanceTest.strings(fields.get("b")));
        assertEquals(List.of("\u00e9&"), RoutingConformanceTest.strings(fields.get("c")));
    }

    @Test
    void formDataReadsMultipartWithAFile() {
        String boundary = "----conformance" + System.nanoTime();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
                + "h\u00e9llo\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"upload\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + "line one\r\nline two\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<String> r = post("/conformance/form", "multipart/form-data; boundary=" + boundary, body);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode form = json(r);
        assertEquals(List.of("h\u00e9llo"), RoutingConformanceTest.strings(form.get("fields").get("title")));
        JsonNode file = form.get("files").get("upload");
        assertEquals("notes.txt", file.get("filename").asText());
        assertEquals("text/plain", file.get("contentType").asText());
        assertEquals("line one\r\nline two", file.get("text").asText());
        assertEquals("line one\r\nline two".length(), file.get("size").asInt());
    }

    @Test
    void formDataOfAnotherContentTypeAnswers415() {
        assertEquals(415, post("/conformance/form", "application/json", "{}").statusCode());
    }

    @Test
    void malformedMultipartAnswers400() {
        assertEquals(400, post("/conformance/form", "multipart/form-data; boundary=zzz", "no boundary here").statusCode());
    }

    @Test
    void bodyStreamsAndIsMarkedUsed() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/conformance/body"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[300_000])));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals(300_000, body.get("bytes").asLong());
        assertTrue(body.get("bodyUsed").asBoolean());
    }

    @Test
    void chunkedBodyStreams() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/conformance/body"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[123_457]))));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(123_457, json(r).get("bytes").asLong());
    }

    @Test
    void bodyIsReadOnce() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/conformance/body?twice=true"))
                .POST(HttpRequest.BodyPublishers.ofString("abc")));
        assertEquals(500, r.statusCode(), "a second read fails the call: " + r.body());
        assertEquals(assertFunctionReply(r), json(r).get("requestId").asText());
    }

    // ---- headers ----

    @Test
    void multiValuedRequestHeadersAreKeptApart() throws Exception {
        RawResponse r = wire().send(Wire.request("GET", "/conformance/cookies", "X-Multi: one", "X-Multi: two, three"));
        assertEquals(200, r.status(), r.toString());
        assertEquals("one|two, three", r.text());
    }

    @Test
    void requestHeaderNamesAreCaseInsensitive() throws Exception {
        RawResponse r = wire().send(Wire.request("GET", "/conformance/cookies", "x-multi: lower", "X-MULTI: upper"));
        assertEquals("lower|upper", r.text());
    }

    @Test
    void everySetCookieIsKept() throws Exception {
        RawResponse r = wire().send(Wire.request("GET", "/conformance/cookies"));
        assertEquals(200, r.status());
        assertEquals(List.of("a=1; Path=/", "b=2; Path=/; HttpOnly"), r.headers("Set-Cookie"));
    }

    // ---- streaming responses ----

    @Test
    void serverSentEventsArriveAsTheyAreSent() throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(uri("/api/events?count=3&intervalMs=400"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<Map<String, String>> events = new ArrayList<>();
        long firstEventAt = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            Map<String, String> event = new java.util.LinkedHashMap<>();
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (firstEventAt < 0) {
                        firstEventAt = System.nanoTime();
                    }
                    events.add(event);
                    event = new java.util.LinkedHashMap<>();
                } else {
                    int colon = line.indexOf(": ");
                    event.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
        }
        long endAt = System.nanoTime();
        assertEquals(4, events.size(), events.toString());
        assertEquals(Map.of("id", "1", "event", "tick", "data", "1"), events.get(0));
        assertEquals(Map.of("event", "done", "data", "bye"), events.get(3));
        // 3 ticks 400 ms apart: the first must be read well before the stream ends, not all at once at the end
        long firstToEndMs = (endAt - firstEventAt) / 1_000_000;
        assertTrue(firstToEndMs >= 700, "the first event arrived only " + firstToEndMs + " ms before the end; "
                + "total " + (endAt - start) / 1_000_000 + " ms");
    }

    /**
     * The wall-time limit (2 s in this suite) covers the handler call, or its CompletionStage, not the streaming
     * of a body the handler already returned: an event stream may run longer than the limit.
     */
    @Test
    void aStreamedBodyMayOutlastTheWallTimeLimit() {
        long start = System.nanoTime();
        HttpResponse<String> r = get("/api/events?count=6&intervalMs=500");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, r.statusCode());
        assertTrue(ms > WALL_TIME.toMillis(), "the stream lasted " + ms + " ms");
        assertTrue(r.body().endsWith("event: done\ndata: bye\n\n"), r.body());
    }

    @Test
    void aLargeStreamedBodyArrivesWhole() throws Exception {
        HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(uri("/conformance/stream?mb=64"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Length").isEmpty(), "a streamed body has no Content-Length");
        long total = 0;
        boolean allX = true;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = r.body()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n && allX; i++) {
                    allX = buf[i] == 'x';
                }
                total += n;
            }
        }
        assertEquals(64L * 1024 * 1024, total);
        assertTrue(allX, "every byte as written");
    }

    @Test
    void aStreamedBodyIsChunkedOnTheWire() throws Exception {
        RawResponse r;
        try (java.net.Socket s = wire().open()) { // a kept-alive connection, so the end cannot be the close
            s.getOutputStream().write("GET /conformance/stream?mb=1 HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            r = RawResponse.read(s.getInputStream(), false);
        }
        assertEquals("chunked", r.header("Transfer-Encoding"));
        assertNull(r.header("Content-Length"));
        assertEquals(1024 * 1024, r.body().length);
    }

    @Test
    void aFixedBodyHasAContentLength() throws Exception {
        RawResponse r = wire().send(Wire.request("GET", "/helloworld"));
        assertEquals(String.valueOf("Hello, world!".length()), r.header("Content-Length"));
        assertEquals("Hello, world!", r.text());
    }
}
