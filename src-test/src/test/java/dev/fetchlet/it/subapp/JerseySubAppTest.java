package dev.fetchlet.it.subapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachContainer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6 with a servlet, the Koa example: Jersey's {@code ServletContainer} at {@code /koa/[[default]]},
 * configured by {@code @InitParam}s.
 */
@OnEachContainer
class JerseySubAppTest extends SubAppTest {
    private static final String GREETING = "Hello from Koa on Fetchlet!";

    JerseySubAppTest(ContainerKind kind) {
        super(kind);
    }

    @Test
    void initParamsReachTheMountedServlet() {
        // Jersey found its Application through one init parameter, and the greeting comes from another.
        HttpResponse<String> r = get("/koa/");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(GREETING, json(r).get("message").asText());
    }

    @Test
    void mountFolderWithoutSlashReachesTheAppsRoot() {
        HttpResponse<String> r = get("/koa");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(GREETING, json(r).get("message").asText());
        requestId(r);
    }

    @Test
    void prefixBecomesTheAppsContextPathAndTheQueryIsKept() {
        HttpResponse<String> r = get("/koa/request?y=2&z=%C3%A9");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode seen = json(r);
        assertEquals("/koa", seen.get("contextPath").asText());
        assertEquals("", seen.get("servletPath").asText());
        assertEquals("/request", seen.get("pathInfo").asText());
        assertEquals("/koa/request", seen.get("requestUri").asText());
        assertEquals("y=2&z=%C3%A9", seen.get("queryString").asText());
        assertEquals("dev.fetchlet.example.koa.Koa", seen.get("servletName").asText());
        assertEquals(requestId(r), seen.get("requestId").asText());
    }

    @Test
    void encodedPathParamIsDecodedByTheApp() {
        HttpResponse<String> r = get("/koa/users/caf%C3%A9");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("café", json(r).get("userId").asText());
    }

    @Test
    void responseTimeFilterAddsItsHeader() {
        HttpResponse<String> r = get("/koa/users/42");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("Fetched user 42", json(r).get("message").asText());
        String time = r.headers().firstValue("X-Response-Time").orElse("");
        assertTrue(time.matches("\\d+ms"), "X-Response-Time: " + time);
    }

    @Test
    void postedJsonReachesTheAppIntact() {
        String body = "{\"name\":\"Zoë\",\"tags\":[\"a\",\"b\"],\"nested\":{\"n\":12345678901,\"ok\":true}}";
        HttpResponse<String> r = post("/koa/echo", "application/json", body);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode echo = json(r);
        assertEquals(json(body), echo.get("received"));
        assertEquals(requestId(r), echo.get("requestId").asText());
    }

    @Test
    void unknownPathIsTheAppsOwn404() {
        HttpResponse<String> r = get("/koa/no/such/thing");
        assertEquals(404, r.statusCode(), r.body());
        // Jersey answered: its response filter ran, and the body is its own (empty), not Fetchlet's JSON.
        assertTrue(r.headers().firstValue("X-Response-Time").isPresent(), r.headers().map().toString());
        assertEquals("", r.body());
        requestId(r);
    }

    @Test
    void exceptionEscapingTheAppAnswers500WithoutInternals() {
        HttpResponse<String> r = get("/koa/boom");
        assertEquals(500, r.statusCode(), r.body());
        JsonNode error = json(r);
        assertEquals("Internal Server Error", error.get("error").asText());
        assertEquals(requestId(r), error.get("requestId").asText());
        assertFalse(r.body().contains("internal detail"), r.body());
        assertFalse(r.body().contains("IllegalStateException"), r.body());

        assertEquals(200, get("/koa/users/1").statusCode(), "the app still answers");
        assertEquals(200, get("/express/users/1").statusCode(), "the other app still answers");
        assertEquals(200, get("/api/hello").statusCode(), "Fetch handlers still answer");
    }

    @Test
    void aNumberOfAMillionDigitsIs400InPlainWords() {
        assertJsonError(post("/koa/echo", "application/json", "{\"n\":" + "9".repeat(1_000_000) + "}"),
            "The JSON body is past a limit: a number or string too long, or nesting too deep");
    }

    @Test
    void nestingTooDeepIs400InPlainWords() {
        String deep = "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        assertJsonError(post("/koa/echo", "application/json", deep),
            "The JSON body is past a limit: a number or string too long, or nesting too deep");
    }

    @Test
    void malformedJsonIs400InPlainWords() {
        assertJsonError(post("/koa/echo", "application/json", "{\"name\": Zoë"), "The request body is not valid JSON");
        assertJsonError(post("/koa/echo", "application/json", "{\"name\":"), "The request body is not valid JSON");
    }

    @Test
    void aBodyOfTheWrongTypeIs400InPlainWords() {
        assertJsonError(post("/koa/echo", "application/json", "[1, 2]"),
            "The JSON body does not have the expected shape");
        assertJsonError(post("/koa/echo", "application/json", "\"text\""),
            "The JSON body does not have the expected shape");
    }

    /** 400 with the plain message, Jersey's filter having run, and nothing of Jackson or the app's classes. */
    private void assertJsonError(HttpResponse<String> r, String message) {
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(message, json(r).get("message").asText(), r.body());
        assertTrue(r.headers().firstValue("X-Response-Time").isPresent(), "Jersey answered: " + r.headers().map());
        String[] telltales = {"jackson", "java.", "dev.fetchlet", "LinkedHashMap", "Exception", "Source"};
        for (String telltale : telltales) {
            assertFalse(r.body().contains(telltale), telltale + " in " + r.body());
        }
    }

    private static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
