package dev.fetchlet.it.conformance;

import static dev.fetchlet.it.harness.ServerDifference.METHOD_UPPER_CASED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachContainer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §2, Handlers and methods: dispatch by method, HEAD/OPTIONS defaults, 405, null, exceptions, request ids. */
@OnEachContainer
class MethodConformanceTest extends ConformanceTest {
    static final String METHODS_ALLOW = "GET, HEAD, POST, DELETE, OPTIONS";

    MethodConformanceTest(ContainerKind kind) {
        super(kind);
    }

    // ---- method-specific beats onRequest ----

    @Test
    void methodSpecificHandlerWinsOverOnRequest() {
        HttpResponse<String> r = send("POST", "/conformance/any");
        assertEquals(200, r.statusCode());
        assertEquals("post-specific", r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "PATCH", "DELETE", "OPTIONS"})
    void onRequestServesEveryOtherMethod(String method) {
        HttpResponse<String> r = send(method, "/conformance/any");
        assertEquals(200, r.statusCode(), method + " -> " + r.body());
        assertEquals("any:" + method, r.body());
        assertFunctionReply(r);
    }

    @Test
    void headOnAnOnRequestHandlerRunsItWithoutABody() throws Exception {
        RawResponse r = wire().send(Wire.request("HEAD", "/conformance/any"));
        assertEquals(200, r.status(), r.toString());
        assertEquals(String.valueOf("any:HEAD".length()), r.header("Content-Length"));
        assertArrayEquals(new byte[0], r.trailing(), "no body bytes after a HEAD reply's headers");
    }

    // ---- HEAD without onRequestHead ----

    @Test
    void headWithoutOnRequestHeadRunsGetAndSendsItsHeadersWithoutABody() throws Exception {
        RawResponse r = wire().send(Wire.request("HEAD", "/conformance/methods"));
        assertEquals(200, r.status(), r.toString());
        assertEquals("get", r.header("X-Handler"), "the GET handler ran");
        assertEquals("3", r.header("Content-Length"), "the GET body's length");
        assertTrue(r.header("Content-Type").startsWith("text/plain"), r.toString());
        assertFunctionReply(r);
        assertArrayEquals(new byte[0], r.trailing(), "no body bytes after a HEAD reply's headers");
    }

    @Test
    void headThroughAnOrdinaryClientHasAnEmptyBody() {
        HttpResponse<String> r = send("HEAD", "/api/users/1024");
        assertEquals(200, r.statusCode());
        assertEquals("", r.body());
        assertEquals(String.valueOf("User id is 1024".length()), r.headers().firstValue("Content-Length").orElse(null));
        assertFunctionReply(r);
    }

    @Test
    void headOfAStreamedGetSendsNoBody() throws Exception {
        RawResponse r = wire().send(Wire.request("HEAD", "/conformance/stream?mb=1"));
        assertEquals(200, r.status(), r.toString());
        assertEquals("application/octet-stream", r.header("Content-Type"));
        assertArrayEquals(new byte[0], r.trailing(), "no body bytes after a HEAD reply's headers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/conformance/null", "/conformance/throw", "/conformance/throw?kind=http", "/api/echo"})
    void headRepliesHaveNoBodyEvenForErrors(String path) throws Exception {
        RawResponse r = wire().send(Wire.request("HEAD", path));
        assertTrue(r.status() >= 400, path + " -> " + r);
        assertFunctionReply(r);
        assertArrayEquals(new byte[0], r.trailing(), "no body bytes after a HEAD reply's headers: " + path);
    }

    @Test
    void headOnARouteWithoutGetIs405() throws Exception {
        RawResponse r = wire().send(Wire.request("HEAD", "/api/echo"));
        assertEquals(405, r.status(), r.toString());
        assertEquals("POST, OPTIONS", r.header("Allow"));
    }

    // ---- explicit HEAD and OPTIONS handlers ----

    @Test
    void explicitHeadHandlerWins() throws Exception {
        RawResponse r = wire().send(Wire.request("HEAD", "/conformance/explicit"));
        assertEquals(200, r.status());
        assertEquals("own", r.header("X-Head"));
        assertArrayEquals(new byte[0], r.trailing());
        assertEquals("full body", get("/conformance/explicit").body(), "GET is still its own handler");
    }

    @Test
    void explicitOptionsHandlerWins() {
        HttpResponse<String> r = send("OPTIONS", "/conformance/explicit");
        assertEquals(200, r.statusCode());
        assertEquals("own", r.headers().firstValue("X-Options").orElse(null));
        assertFunctionReply(r);
    }

    // ---- OPTIONS default, 405 ----

    @Test
    void optionsWithoutAHandlerAnswers204WithAllow() {
        HttpResponse<String> r = send("OPTIONS", "/conformance/methods");
        assertEquals(204, r.statusCode());
        assertEquals(METHODS_ALLOW, r.headers().firstValue("Allow").orElse(null));
        assertEquals("", r.body());
        assertFunctionReply(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH"})
    void unhandledMethodAnswers405WithExactAllow(String method) {
        HttpResponse<String> r = send(method, "/conformance/methods");
        assertEquals(405, r.statusCode(), r.body());
        assertEquals(METHODS_ALLOW, r.headers().firstValue("Allow").orElse(null));
        assertEquals("Method Not Allowed", json(r).get("error").asText());
        assertFunctionReply(r);
    }

    @Test
    void getOnlyRouteAllowsGetHeadOptions() {
        HttpResponse<String> r = send("DELETE", "/api/users/1024");
        assertEquals(405, r.statusCode());
        assertEquals("GET, HEAD, OPTIONS", r.headers().firstValue("Allow").orElse(null));
    }

    @Test
    void handledMethodsStillWork() {
        assertEquals("get", get("/conformance/methods").body());
        assertEquals("post", send("POST", "/conformance/methods").body());
        assertEquals(204, send("DELETE", "/conformance/methods").statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROPFIND", "FOO", "MKCOL", "get"})
    void unknownMethodAnswers405WithAllow(String method) throws Exception {
        if (method.equals("get")) {
            METHOD_UPPER_CASED.skipOn(kind);
        }
        RawResponse r = wire().send(Wire.request(method, "/conformance/methods"));
        assertEquals(405, r.status(), method + " -> " + r);
        assertEquals(METHODS_ALLOW, r.header("Allow"));
        assertFunctionReply(r);
    }

    @Test
    void unknownMethodOnAnOnRequestHandlerIs405Too() throws Exception {
        RawResponse r = wire().send(Wire.request("PROPFIND", "/conformance/any"));
        assertEquals(405, r.status(), r.toString());
        assertEquals("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS", r.header("Allow"));
    }

    // ---- null, throw, HttpException ----

    @Test
    void nullAnswers404WithExactJson() {
        HttpResponse<String> r = get("/conformance/null");
        assertEquals(404, r.statusCode());
        assertEquals(Map.of("error", "Not Found", "message", "The requested path does not exist"),
                JSON.convertValue(json(r), Map.class));
        assertFunctionReply(r);
    }

    @Test
    void throwingHandlerAnswers500WithTheRequestIdAndNoInternals() {
        HttpResponse<String> r = get("/conformance/throw");
        assertEquals(500, r.statusCode());
        String id = assertFunctionReply(r);
        JsonNode body = json(r);
        assertEquals("Internal Server Error", body.get("error").asText());
        assertEquals(id, body.get("requestId").asText(), "the body's requestId is the header's");
        assertFalse(r.body().contains("hunter2"), "the exception's message leaked: " + r.body());
        assertFalse(r.body().contains("IllegalStateException"), "the exception's type leaked: " + r.body());
        assertFalse(r.body().contains("dev.fetchlet"), "a stack frame leaked: " + r.body());
    }

    @Test
    void httpExceptionAnswersItsStatusAndMessage() {
        HttpResponse<String> r = get("/conformance/throw?kind=http");
        assertEquals(422, r.statusCode());
        JsonNode body = json(r);
        assertEquals("quantity must be positive", body.get("message").asText());
        assertEquals(assertFunctionReply(r), body.get("requestId").asText());
    }

    // ---- async handlers ----

    @Test
    void asyncHandlerAnswersWhenItsStageCompletes() {
        HttpResponse<String> r = get("/conformance/async?ms=100");
        assertEquals(200, r.statusCode());
        assertEquals("async " + assertFunctionReply(r), r.body(), "the stage saw the same request id");
    }

    @Test
    void asyncHandlerThatIsAlreadyDoneAnswers() {
        HttpResponse<String> r = get("/conformance/async?ms=0");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("async "), r.body());
    }

    @Test
    void asyncFailureWithHttpExceptionAnswersItsStatus() {
        HttpResponse<String> r = get("/conformance/async?fail=true");
        assertEquals(409, r.statusCode());
        assertEquals("async conflict", json(r).get("message").asText());
        assertFunctionReply(r);
    }

    // ---- Functions-Request-Id on every function reply ----

    @Test
    void everyFunctionReplyCarriesAFreshRequestId() {
        String[] paths = {"/helloworld", "/conformance/null", "/conformance/throw", "/conformance/throw?kind=http",
            "/conformance/async", "/conformance/async?fail=true", "/conformance/redirect", "/conformance/stream?mb=0"};
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String p : paths) {
            HttpResponse<String> r = get(p);
            assertTrue(seen.add(assertFunctionReply(r)), "request ids are unique: " + p);
        }
        assertFunctionReply(send("PUT", "/conformance/methods"));   // 405
        assertFunctionReply(send("OPTIONS", "/conformance/methods")); // 204
        assertFunctionReply(send("HEAD", "/conformance/methods"));
        // 413 and 504 are checked in LimitsConformanceTest
    }

    @Test
    void redirectKeepsItsStatusAndLocation() {
        HttpResponse<String> r = get("/conformance/redirect");
        assertEquals(307, r.statusCode());
        assertEquals("/api/hello", r.headers().firstValue("Location").orElse(null));
    }

    @Test
    void staticRepliesCarryNoRequestId() {
        assertNull(get("/index.html").headers().firstValue(REQUEST_ID).orElse(null));
    }
}
