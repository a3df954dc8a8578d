package dev.fetchlet.it.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchlet.function.Body;
import dev.fetchlet.function.CloudEventFunction;
import dev.fetchlet.function.EventData;
import dev.fetchlet.function.FunctionContext;
import dev.fetchlet.function.HttpFunction;
import dev.fetchlet.launcher.testing.TestClient;
import dev.fetchlet.launcher.testing.TestServer;
import io.cloudevents.CloudEvent;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC 7: CloudEvents in binary, structured and batch mode; malformed events answer 400 with a reason. */
class CloudEventModesTest {
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    /** Answers each event with an event echoing its id and data; an event of type "skip" gets none. */
    public static class Echo implements CloudEventFunction {
        @Override
        public Object handle(FunctionContext ctx, CloudEvent event) {
            SEEN.add(event.getId());
            if (event.getType().equals("skip")) {
                return null;
            }
            return ctx.cloudEventResponse(Map.of("echo", EventData.text(event), "of", event.getId()))
                    .source("/echo").type("echo.reply").build();
        }
    }

    /** A plain HTTP function: sees an event's data as its body and the event in its context. */
    public static class Plain implements HttpFunction {
        @Override
        public Object handle(FunctionContext ctx, Body body) {
            return ctx.cloudEvent().map(e -> "event " + e.getId() + ": " + body.text()).orElse("plain: " + body.text());
        }
    }

    private static TestServer events;
    private static TestServer plain;
    private static TestClient client;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        events = Servers.start(Echo.class);
        plain = Servers.start(Plain.class);
        client = events.client();
    }

    @AfterAll
    static void stop() {
        events.stop();
        plain.stop();
    }

    @BeforeEach
    void clear() {
        SEEN.clear();
    }

    private static String[] binaryHeaders(String id) {
        return new String[] {"Content-Type", "application/json", "ce-id", id, "ce-source", "/test",
                "ce-type", "test.event", "ce-specversion", "1.0"};
    }

    @Test
    void binaryMode() throws Exception {
        HttpResponse<String> r = client.post("/", "{\"n\":1}", binaryHeaders("b-1"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("echo.reply", r.headers().firstValue("ce-type").orElse(null));
        assertEquals(Map.of("echo", "{\"n\":1}", "of", "b-1"), json.readValue(r.body(), Map.class));
        assertEquals(List.of("b-1"), SEEN);
    }

    @Test
    void headerNamesAreCaseInsensitive() throws Exception {
        HttpResponse<String> r = client.post("/", "{}", "Content-Type", "application/json", "Ce-Id", "c-1",
                "CE-SOURCE", "/test", "Ce-Type", "test.event", "Ce-Specversion", "1.0");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("c-1"), SEEN);
    }

    @Test
    void structuredMode() throws Exception {
        String event = "{\"specversion\":\"1.0\",\"id\":\"s-1\",\"source\":\"/test\",\"type\":\"test.event\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"n\":2}}";
        HttpResponse<String> r = client.post("/", event, "Content-Type", "application/cloudevents+json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("echo.reply", r.headers().firstValue("ce-type").orElse(null), "a CloudEvent request: binary reply");
        assertEquals("s-1", json.readValue(r.body(), Map.class).get("of"));
        assertEquals(List.of("s-1"), SEEN);
    }

    @Test
    void batchModeCallsOncePerEventAndAnswersABatch() throws Exception {
        String batch = "[" + structured("e-1", "test.event") + "," + structured("e-2", "skip") + ","
                + structured("e-3", "test.event") + "]";
        HttpResponse<String> r = client.post("/", batch, "Content-Type", "application/cloudevents-batch+json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/cloudevents-batch+json", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals(List.of("e-1", "e-2", "e-3"), SEEN);
        List<?> replies = json.readValue(r.body(), List.class);
        assertEquals(2, replies.size(), "the call answering null adds no event");
        assertEquals("echo.reply", ((Map<?, ?>) replies.get(0)).get("type"));
        assertEquals(Map.of("echo", "{\"n\":\"e-1\"}", "of", "e-1"), ((Map<?, ?>) replies.get(0)).get("data"));
        assertEquals("e-3", ((Map<?, ?>) ((Map<?, ?>) replies.get(1)).get("data")).get("of"));
    }

    @Test
    void anEmptyBatchAnswersAnEmptyBatch() throws Exception {
        HttpResponse<String> r = client.post("/", "[]", "Content-Type", "application/cloudevents-batch+json");
        assertEquals(200, r.statusCode());
        assertEquals("[]", r.body());
    }

    private static String structured(String id, String type) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/test\",\"type\":\"" + type
                + "\",\"datacontenttype\":\"application/json\",\"data\":{\"n\":\"" + id + "\"}}";
    }

    @Test
    void missingRequiredAttributesAnswer400NamingThem() throws Exception {
        HttpResponse<String> r = client.post("/", "{}", "Content-Type", "application/json", "ce-id", "x",
                "ce-specversion", "1.0");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("source") && r.body().contains("type"), r.body());
        assertTrue(SEEN.isEmpty(), "the function is not called");

        HttpResponse<String> structured = client.post("/", "{\"specversion\":\"1.0\",\"source\":\"/t\",\"type\":\"t\"}",
                "Content-Type", "application/cloudevents+json");
        assertEquals(400, structured.statusCode());
        assertTrue(structured.body().contains("id"), structured.body());
    }

    @Test
    void anUnknownSpecVersionAnswers400() throws Exception {
        HttpResponse<String> r = client.post("/", "{}", "Content-Type", "application/json", "ce-id", "x",
                "ce-source", "/t", "ce-type", "t", "ce-specversion", "9.9");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("9.9"), r.body());

        HttpResponse<String> structured = client.post("/",
                "{\"specversion\":\"7\",\"id\":\"1\",\"source\":\"/t\",\"type\":\"t\"}",
                "Content-Type", "application/cloudevents+json");
        assertEquals(400, structured.statusCode());
        assertTrue(structured.body().contains("specversion"), structured.body());
    }

    @Test
    void malformedStructuredJsonAnswers400() throws Exception {
        HttpResponse<String> r = client.post("/", "{\"specversion\": \"1.0\", oops", "Content-Type",
                "application/cloudevents+json");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Invalid structured CloudEvent"), r.body());

        HttpResponse<String> batch = client.post("/", "{\"not\":\"an array\"}", "Content-Type",
                "application/cloudevents-batch+json");
        assertEquals(400, batch.statusCode());
        assertTrue(batch.body().contains("array"), batch.body());

        HttpResponse<String> badElement = client.post("/", "[" + structured("ok", "t") + ",{\"id\":\"x\"}]",
                "Content-Type", "application/cloudevents-batch+json");
        assertEquals(400, badElement.statusCode());
        assertTrue(badElement.body().contains("element 1"), badElement.body());
        assertTrue(SEEN.isEmpty(), "a malformed batch calls the function for none of its events");
    }

    @Test
    void aPlainRequestToAnEventFunctionAnswers400() throws Exception {
        HttpResponse<String> r = client.post("/", "{\"name\":\"Tiger\"}", "Content-Type", "application/json");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("CloudEvents"), r.body());
    }

    @Test
    void anHttpFunctionGetsAnEventsDataAsItsBody() throws Exception {
        TestClient c = plain.client();
        HttpResponse<String> event = c.post("/", "{\"n\":3}", binaryHeaders("h-1"));
        assertEquals("event h-1: {\"n\":3}", event.body());
        HttpResponse<String> plainRequest = c.post("/", "just text", "Content-Type", "text/plain");
        assertEquals("plain: just text", plainRequest.body());
        assertFalse(plainRequest.headers().firstValue("ce-id").isPresent());
    }
}
