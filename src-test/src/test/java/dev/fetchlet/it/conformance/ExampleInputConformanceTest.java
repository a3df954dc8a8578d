package dev.fetchlet.it.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachContainer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example app's own handlers answer bad query input with a 400 in plain words, never a 500; and the
 * README's Quick Start example, {@code /api/hello?name=Ada}, answers as the README says.
 */
@OnEachContainer
class ExampleInputConformanceTest extends ConformanceTest {

    ExampleInputConformanceTest(ContainerKind kind) {
        super(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/events?count=abc",
        "/api/events?intervalMs=-5",
        "/api/events?count=99999999999",
        "/conformance/slow?ms=soon",
        "/conformance/slow?ms=1e3",
        "/conformance/async?ms=",
        "/conformance/async?ms=-1",
        "/conformance/stream?mb=lots",
        "/conformance/stream?mb=100000",
    })
    void aQueryValueThatIsNotANumberIs400(String pathAndQuery) {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(400, r.statusCode(), pathAndQuery + ": " + r.body());
        String message = json(r).get("message").asText();
        assertTrue(message.startsWith("Query parameter '"), message);
        assertNull(BadInputConformanceTest.stackTraceIn(r.body()), r.body());
        assertFunctionReply(r);
    }

    @Test
    void helloGreetsByName() {
        HttpResponse<String> r = get("/api/hello?name=Ada");
        assertEquals(200, r.statusCode());
        assertEquals("Hello, Ada!", r.body());
    }

    @Test
    void helloWithoutANameKeepsItsGreeting() {
        HttpResponse<String> r = get("/api/hello");
        assertEquals(200, r.statusCode());
        assertEquals("Hello from Fetchlet Functions!", r.body());
    }
}
