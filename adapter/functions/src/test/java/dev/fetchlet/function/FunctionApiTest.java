package dev.fetchlet.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.HttpException;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The servlet-free function API, as a user's unit test calls it. */
class FunctionApiTest {
    record Customer(String name, String customerId) {
    }

    @Test
    void aFunctionIsUnitTestedByCallingIt() throws Exception {
        HttpFunction hello = (ctx, body) -> "Hello, " + ctx.query("name") + " (" + body.text() + ")";
        Object out = hello.handle(FunctionContext.of("POST", "http://localhost/?name=Tiger"),
                Body.of("hi", "text/plain"));
        assertEquals("Hello, Tiger (hi)", out);
    }

    @Test
    void defaultsAreHealthyWithNoPathsOrLevel() throws Exception {
        HttpFunction f = (ctx, body) -> null;
        f.init();
        assertEquals(HealthStatus.ok(), f.liveness());
        assertEquals(HealthStatus.ok(), f.readiness());
        assertNull(f.livenessPath());
        assertNull(f.readinessPath());
        assertNull(f.logLevel());
        f.shutdown();
    }

    @Test
    void structuredReturnCopiesHeadersAndChecksTheStatus() {
        StructuredReturn r = StructuredReturn.builder().status(201).header("Location", "/x").body("made").build();
        assertEquals(201, r.statusCode());
        assertEquals(Map.of("Location", "/x"), r.headers());
        assertThrows(UnsupportedOperationException.class, () -> r.headers().put("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> StructuredReturn.status(42));
        assertEquals(Map.of(), new StructuredReturn(200, null, null).headers());
    }

    @Test
    void healthStatus() {
        assertEquals(new HealthStatus(200, "OK"), HealthStatus.ok());
        assertTrue(HealthStatus.ok("fine").healthy());
        assertFalse(HealthStatus.unavailable("down").healthy());
        assertEquals(503, HealthStatus.unavailable("down").status());
        assertThrows(IllegalArgumentException.class, () -> new HealthStatus(700, "x"));
    }

    @Test
    void logLevelsAcceptNodeNames() {
        assertEquals(LogLevel.DEBUG, LogLevel.parse("debug"));
        assertEquals(LogLevel.ERROR, LogLevel.parse("fatal"));
        assertEquals(LogLevel.OFF, LogLevel.parse("Silent"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogLevel.parse("loud"));
        assertTrue(e.getMessage().contains("loud"));
    }

    @Test
    void bodyReadsTextJsonAndFormsAsOftenAsNeeded() {
        Body json = Body.of("{\"name\":\"Tiger\",\"customerId\":\"1\"}", "application/json");
        assertEquals(new Customer("Tiger", "1"), json.json(Customer.class));
        assertEquals(Map.of("name", "Tiger", "customerId", "1"), json.json());
        assertEquals("{\"name\":\"Tiger\",\"customerId\":\"1\"}", json.text());
        assertEquals(HttpException.class, assertThrows(RuntimeException.class,
                () -> Body.of("{oops", "application/json").json()).getClass());

        Body form = Body.of("a=1&a=2&b=x%20y", "application/x-www-form-urlencoded");
        assertEquals(List.of("1", "2"), form.form().getAll("a"));
        assertEquals("x y", form.form().get("b"));

        Body latin = Body.of(new byte[] {(byte) 0xE9}, "text/plain; charset=ISO-8859-1");
        assertEquals("é", latin.text());
        assertTrue(Body.empty().isEmpty());
        byte[] copy = latin.bytes();
        copy[0] = 0;
        assertArrayEquals(new byte[] {(byte) 0xE9}, latin.bytes(), "the body cannot be changed through bytes()");
    }

    @Test
    void cloudEventResponseFillsIdTimeAndEncodesData() {
        CloudEvent e = CloudEventResponse.builder().source("/greeter").type("greeting")
                .data(Map.of("message", "hi")).extension("tenant", "acme").build();
        assertNotNull(e.getId());
        assertNotNull(e.getTime());
        assertEquals("1.0", e.getSpecVersion().toString());
        assertEquals("application/json", e.getDataContentType());
        assertEquals("{\"message\":\"hi\"}", EventData.text(e));
        assertEquals("acme", e.getExtension("tenant"));

        CloudEvent text = CloudEventResponse.builder().source("/s").type("t").data("plain").build();
        assertTrue(text.getDataContentType().startsWith("text/plain"));
        assertEquals("plain", new String(EventData.bytes(text), StandardCharsets.UTF_8));

        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> CloudEventResponse.builder().type("t").build());
        assertTrue(missing.getMessage().contains("source"));
    }

    @Test
    void eventDataReadsJsonOr400() {
        CloudEvent e = CloudEventResponse.builder().source("/s").type("t")
                .data(new Customer("Tiger", "0123456789")).build();
        assertEquals(new Customer("Tiger", "0123456789"), EventData.json(e, Customer.class));
        CloudEvent none = CloudEventResponse.builder().source("/s").type("t").data(null).build();
        assertEquals(400, assertThrows(HttpException.class, () -> EventData.json(none, Customer.class)).status());
    }

    @Test
    void theContextKeepsQueryAndFieldsApart() {
        FunctionContext ctx = FunctionContext.of("GET", "http://localhost/?uuid=forged&method=PUT");
        assertEquals("GET", ctx.method());
        assertFalse(ctx.uuid().equals("forged"));
        assertEquals("forged", ctx.query("uuid"));
        assertTrue(ctx.cloudEvent().isEmpty());
        CloudEvent e = CloudEventResponse.builder().source("/s").type("t").build();
        assertEquals(e, ctx.withCloudEvent(e).cloudEvent().orElseThrow());
    }
}
