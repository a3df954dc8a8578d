package dev.fetchlet.it.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchlet.HttpException;
import dev.fetchlet.Route;
import dev.fetchlet.function.Body;
import dev.fetchlet.function.FunctionContext;
import dev.fetchlet.function.HttpFunction;
import dev.fetchlet.launcher.testing.TestClient;
import dev.fetchlet.launcher.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC 7: where a function is served, which methods call it, CORS, errors, context, limits. */
class FunctionHttpTest {
    /** Answers with what it saw, or fails as the {@code fail} query parameter says. */
    public static class Mirror implements HttpFunction {
        @Override
        public Object handle(FunctionContext ctx, Body body) throws Exception {
            String fail = ctx.query("fail");
            if ("status".equals(fail)) {
                throw new HttpException(422, "the order has no items");
            }
            if ("secret".equals(fail)) {
                throw new IllegalStateException("database password is hunter2");
            }
            if ("slow".equals(fail)) {
                Thread.sleep(10_000);
            }
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("method", ctx.method());
            seen.put("uuid", ctx.uuid());
            seen.put("clientIp", ctx.clientIp());
            seen.put("path", ctx.path());
            seen.put("query", ctx.query());
            seen.put("body", body.text());
            return seen;
        }
    }

    /** A function with a route of its own. */
    @Route("/api/greet/[name]")
    public static class Routed implements HttpFunction {
        @Override
        public Object handle(FunctionContext ctx, Body body) {
            return "Hello, " + ctx.fetchContext().params().get("name");
        }
    }

    private final ObjectMapper json = new ObjectMapper();

    private Map<?, ?> read(HttpResponse<String> r) throws Exception {
        return json.readValue(r.body(), Map.class);
    }

    @Test
    void servedAtTheRootByDefaultAndWhereFuncPathSays() throws Exception {
        try (TestServer server = Servers.start(Mirror.class)) {
            assertEquals(200, server.client().get("/").statusCode());
            assertEquals(404, server.client().get("/other").statusCode());
        }
        try (TestServer server = Servers.start(Map.of("FUNC_PATH", "/fn"), Mirror.class)) {
            assertEquals("/fn", read(server.client().get("/fn")).get("path"));
            assertEquals(404, server.client().get("/").statusCode());
        }
    }

    @Test
    void aFunctionWithARouteIsServedThere() throws Exception {
        try (TestServer server = Servers.start(Routed.class, Mirror.class)) {
            assertEquals("Hello, Tiger", server.client().get("/api/greet/Tiger").body());
            assertEquals(200, server.client().get("/").statusCode(), "the unrouted one still serves /");
        }
    }

    @Test
    void getPostAndHeadCallItOptionsAnswersCors() throws Exception {
        try (TestServer server = Servers.start(Mirror.class)) {
            TestClient c = server.client();
            assertEquals("GET", read(c.get("/")).get("method"));
            Map<?, ?> post = read(c.post("/", "hello", "Content-Type", "text/plain"));
            assertEquals("POST", post.get("method"));
            assertEquals("hello", post.get("body"));

            HttpResponse<String> head = c.request("HEAD", "/", null);
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            assertTrue(head.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

            HttpResponse<String> options = c.request("OPTIONS", "/", null, "Origin", "https://app.example",
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type, ce-id");
            assertEquals(204, options.statusCode());
            assertEquals("*", options.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            assertTrue(options.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
            assertEquals("content-type, ce-id", options.headers().firstValue("Access-Control-Allow-Headers").orElse(null));

            HttpResponse<String> put = c.request("PUT", "/", "x");
            assertEquals(405, put.statusCode());
            assertTrue(put.headers().firstValue("Allow").orElse("").contains("POST"));
        }
    }

    @Test
    void responsesCarryCorsHeadersAndAllowedOriginsAreConfigurable() throws Exception {
        try (TestServer server = Servers.start(Mirror.class)) {
            HttpResponse<String> r = server.client().get("/", "Origin", "https://app.example");
            assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            HttpResponse<String> error = server.client().get("/?fail=status", "Origin", "https://app.example");
            assertEquals("*", error.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
                    "error replies too, so a page can read them");
        }
        try (TestServer server = Servers.start(Map.of("FUNC_CORS_ORIGINS", "https://a.example, https://b.example"),
                Mirror.class)) {
            HttpResponse<String> allowed = server.client().get("/", "Origin", "https://b.example");
            assertEquals("https://b.example", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            HttpResponse<String> other = server.client().get("/", "Origin", "https://evil.example");
            assertFalse(other.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        }
    }

    @Test
    void anExceptionWithAStatusAnswersItOthersAnswer500WithoutInternals() throws Exception {
        try (TestServer server = Servers.start(Mirror.class)) {
            HttpResponse<String> status = server.client().get("/?fail=status");
            assertEquals(422, status.statusCode());
            assertTrue(status.body().contains("the order has no items"), status.body());

            HttpResponse<String> secret = server.client().get("/?fail=secret");
            assertEquals(500, secret.statusCode());
            assertFalse(secret.body().contains("hunter2"), secret.body());
            assertFalse(secret.body().contains("IllegalStateException"), secret.body());
            assertEquals(secret.headers().firstValue("Functions-Request-Id").orElse("none"),
                    read(secret).get("requestId"));
        }
    }

    @Test
    void queryParametersNeverOverwriteContextFields() throws Exception {
        try (TestServer server = Servers.start(Mirror.class)) {
            HttpResponse<String> r = server.client().get("/?uuid=forged&method=DELETE&clientIp=6.6.6.6&path=/etc");
            Map<?, ?> seen = read(r);
            assertEquals("GET", seen.get("method"));
            assertNotEquals("forged", seen.get("uuid"));
            assertEquals(r.headers().firstValue("Functions-Request-Id").orElse(null), seen.get("uuid"));
            assertEquals("127.0.0.1", seen.get("clientIp"));
            assertEquals("/", seen.get("path"));
            assertEquals("forged", ((Map<?, ?>) seen.get("query")).get("uuid").toString().replaceAll("[\\[\\]]", ""),
                    "the parameter is still there, as a query parameter");
        }
    }

    @Test
    void theBodyLimitAnswers413() throws Exception {
        try (TestServer server = Servers.start(Map.of("FUNC_BODY_LIMIT", "1KB"), Mirror.class)) {
            HttpResponse<String> r = server.client().post("/", "x".repeat(2048), "Content-Type", "text/plain");
            assertEquals(413, r.statusCode());
            assertEquals(200, server.client().post("/", "x".repeat(512), "Content-Type", "text/plain").statusCode());
        }
    }

    @Test
    void theWallTimeLimitAnswers504() throws Exception {
        try (TestServer server = Servers.start(Map.of("FUNC_TIMEOUT", "1s"), Mirror.class)) {
            HttpResponse<String> r = server.client().get("/?fail=slow");
            assertEquals(504, r.statusCode());
            assertTrue(r.headers().firstValue("Functions-Request-Id").isPresent());
        }
    }
}
