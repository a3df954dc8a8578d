package dev.fetchlet.it.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchlet.function.Body;
import dev.fetchlet.function.FunctionContext;
import dev.fetchlet.function.HttpFunction;
import dev.fetchlet.function.StructuredReturn;
import dev.fetchlet.launcher.testing.TestClient;
import dev.fetchlet.launcher.testing.TestServer;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 7, return mapping: what a function returns becomes the response. */
class ReturnMappingTest {
    /** Returns what the {@code kind} query parameter names. */
    public static class Returns implements HttpFunction {
        record Point(int x, int y) {
        }

        @Override
        public Object handle(FunctionContext ctx, Body body) {
            return switch (ctx.query("kind")) {
                case "null" -> null;
                case "string" -> "hello";
                case "bytes" -> new byte[] {0, 1, 2, (byte) 255};
                case "object" -> new Point(1, 2);
                case "list" -> List.of("a", "b");
                case "structured-text" -> StructuredReturn.builder().status(201).header("X-Custom", "yes")
                        .body("created").build();
                case "structured-html" -> StructuredReturn.builder().status(200)
                        .header("Content-Type", "text/html; charset=utf-8").body("<b>hi</b>").build();
                case "structured-bytes" -> StructuredReturn.of(202, new byte[] {9, 8, 7});
                case "structured-object" -> StructuredReturn.of(418, Map.of("teapot", true));
                case "structured-empty" -> StructuredReturn.status(204);
                case "async" -> CompletableFuture.supplyAsync(() -> "later");
                case "event" -> CloudEventBuilder.v1().withId("r1").withSource(URI.create("/test"))
                        .withType("test.reply").withData("application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8))
                        .build();
                default -> throw new IllegalArgumentException("unknown kind");
            };
        }
    }

    private static TestServer server;
    private static TestClient client;

    @BeforeAll
    static void start() {
        server = Servers.start(Returns.class);
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String kind) throws Exception {
        return client.get("/?kind=" + kind);
    }

    @Test
    void nullIs204WithNoBody() throws Exception {
        HttpResponse<String> r = get("null");
        assertEquals(204, r.statusCode());
        assertEquals("", r.body());
    }

    @Test
    void aStringIs200TextPlain() throws Exception {
        HttpResponse<String> r = get("string");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals("hello", r.body());
    }

    @Test
    void bytesAreSentAsOctets() throws Exception {
        HttpResponse<byte[]> r = client.http().send(HttpRequest.newBuilder(client.uri("/?kind=bytes")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, r.body());
    }

    @Test
    void anyOtherObjectIs200Json() throws Exception {
        HttpResponse<String> r = get("object");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(Map.of("x", 1, "y", 2), new ObjectMapper().readValue(r.body(), Map.class));
        assertEquals("[\"a\",\"b\"]", get("list").body());
    }

    @Test
    void aStructuredReturnWithAStringBodyIsTextWithItsStatusAndHeaders() throws Exception {
        HttpResponse<String> r = get("structured-text");
        assertEquals(201, r.statusCode());
        assertEquals("yes", r.headers().firstValue("X-Custom").orElse(null));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals("created", r.body());
    }

    @Test
    void aStructuredReturnKeepsTheContentTypeItNames() throws Exception {
        HttpResponse<String> r = get("structured-html");
        assertEquals(200, r.statusCode());
        assertEquals("text/html;charset=utf-8", r.headers().firstValue("Content-Type").orElse("").toLowerCase().replace(" ", ""));
        assertEquals("<b>hi</b>", r.body());
    }

    @Test
    void aStructuredReturnWithBytesOrAnObject() throws Exception {
        HttpResponse<byte[]> bytes = client.http().send(
                HttpRequest.newBuilder(client.uri("/?kind=structured-bytes")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(202, bytes.statusCode());
        assertEquals("application/octet-stream", bytes.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(new byte[] {9, 8, 7}, bytes.body());

        HttpResponse<String> object = get("structured-object");
        assertEquals(418, object.statusCode());
        assertTrue(object.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("{\"teapot\":true}", object.body());

        HttpResponse<String> empty = get("structured-empty");
        assertEquals(204, empty.statusCode());
        assertEquals("", empty.body());
    }

    @Test
    void aCompletionStageAnswersOnceComplete() throws Exception {
        HttpResponse<String> r = get("async");
        assertEquals(200, r.statusCode());
        assertEquals("later", r.body());
    }

    @Test
    void aCloudEventAnswersAPlainRequestInStructuredMode() throws Exception {
        HttpResponse<String> r = get("event");
        assertEquals(200, r.statusCode());
        assertEquals("application/cloudevents+json", r.headers().firstValue("Content-Type").orElse(""));
        assertFalse(r.headers().firstValue("ce-id").isPresent());
        Map<?, ?> event = new ObjectMapper().readValue(r.body(), Map.class);
        assertEquals("r1", event.get("id"));
        assertEquals("test.reply", event.get("type"));
        assertEquals(Map.of("a", 1), event.get("data"));
    }

    @Test
    void aCloudEventAnswersAnEventRequestInBinaryMode() throws Exception {
        HttpResponse<String> r = client.post("/?kind=event", "{}", "Content-Type", "application/json",
                "ce-id", "in-1", "ce-source", "/client", "ce-type", "test.request", "ce-specversion", "1.0");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("r1", r.headers().firstValue("ce-id").orElse(null));
        assertEquals("test.reply", r.headers().firstValue("ce-type").orElse(null));
        assertEquals("/test", r.headers().firstValue("ce-source").orElse(null));
        assertEquals("1.0", r.headers().firstValue("ce-specversion").orElse(null));
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("{\"a\":1}", r.body());
    }
}
