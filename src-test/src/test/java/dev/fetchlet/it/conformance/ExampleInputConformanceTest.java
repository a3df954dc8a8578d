package dev.fetchlet.it.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachContainer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example app's own handlers (what a user copies, not the suite's fixtures) answer bad input with a 4xx in
 * plain words, never a 500 or a class name (SPEC 4); and the README's Quick Start example,
 * {@code /api/hello?name=Ada}, answers as the README says.
 */
@OnEachContainer
class ExampleInputConformanceTest extends ConformanceTest {
    /** Signs of a parser's or a binder's own words in a reply: the type it wanted, or its location report. */
    private static final List<String> BINDER_SIGNS = List.of("java.util", "LinkedHashMap", "com.fasterxml",
            "Cannot deserialize", "[Source:", "Exception");

    ExampleInputConformanceTest(ContainerKind kind) {
        super(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/events?count=abc",
        "/api/events?intervalMs=-5",
        "/api/events?count=99999999999",
        "/api/events?count=",
        "/api/todos?limit=abc",
        "/api/todos?limit=0",
        "/api/todos?done=maybe",
    })
    void aQueryValueThatIsNotANumberIs400(String pathAndQuery) {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(400, r.statusCode(), pathAndQuery + ": " + r.body());
        String message = json(r).get("message").asText();
        assertTrue(message.startsWith("Query parameter '"), message);
        assertNull(BadInputConformanceTest.stackTraceIn(r.body()), r.body());
        assertFunctionReply(r);
    }

    /**
     * A body the handler cannot read as the JSON it wants: the Fetch handler's and the mounted JAX-RS app's
     * (Koa, on Jersey with Jackson) alike. The JAX-RS app's answer is Jersey's, so only its status and its
     * silence about types are checked.
     */
    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "/api/echo   | application/json | {\"order\":       | 400",
        "/api/echo   | application/json | ``               | 400",
        "/api/echo   | text/plain       | {}               | 415",
        "/api/echo   | application/x-www-form-urlencoded | a=1 | 415",
        "/api/echo   | multipart/form-data; boundary=x | --x-- | 415",
        "/api/todos  | application/json | [1,2]            | 400",
        "/api/todos  | application/json | {\"title\": 7}   | 400",
        "/koa/echo   | application/json | {\"order\":       | 400",
        "/koa/echo   | application/json | [1,2]            | 400",
        "/koa/echo   | application/json | \"text\"         | 400",
        "/koa/echo   | text/plain       | {}               | 415",
    })
    void aBodyThatIsNotTheExpectedJsonIs4xx(String path, String contentType, String body, int status) {
        HttpResponse<String> r = post(path, contentType, body);
        assertEquals(status, r.statusCode(), path + " " + body + ": " + r.body());
        assertNull(BadInputConformanceTest.stackTraceIn(r.body()), r.body());
        for (String sign : BINDER_SIGNS) {
            assertTrue(!r.body().contains(sign), path + " " + body + " names '" + sign + "': " + r.body());
        }
    }

    @Test
    void aTodoIdThatIsNotAPositiveWholeNumberIs400() {
        for (String id : List.of("abc", "0", "-1", "1.5", "99999999999999999999")) {
            HttpResponse<String> r = get("/api/todos/" + id);
            assertEquals(400, r.statusCode(), id + ": " + r.body());
            assertNull(BadInputConformanceTest.stackTraceIn(r.body()), r.body());
        }
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
