package dev.fetchlet.it.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.function.Body;
import dev.fetchlet.function.FunctionContext;
import dev.fetchlet.function.HealthStatus;
import dev.fetchlet.function.HttpFunction;
import dev.fetchlet.launcher.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC 7, health: default answers, a function's own checks and paths, overrides, conflicts. */
class HealthTest {
    public static class Plain implements HttpFunction {
        @Override
        public Object handle(FunctionContext ctx, Body body) {
            return "ok";
        }
    }

    /** Not ready, alive with a message of its own, at paths of its own. */
    public static class OwnChecks implements HttpFunction {
        @Override
        public Object handle(FunctionContext ctx, Body body) {
            return "ok";
        }

        @Override
        public HealthStatus liveness() {
            return HealthStatus.ok("alive and well");
        }

        @Override
        public HealthStatus readiness() {
            return HealthStatus.unavailable("warming up");
        }

        @Override
        public String livenessPath() {
            return "/alive";
        }

        @Override
        public String readinessPath() {
            return "/ready";
        }
    }

    /** A readiness check that throws. */
    public static class BrokenCheck implements HttpFunction {
        @Override
        public Object handle(FunctionContext ctx, Body body) {
            return "ok";
        }

        @Override
        public HealthStatus readiness() {
            throw new IllegalStateException("secret detail");
        }
    }

    /** An app handler that takes the liveness path for itself. */
    @Route("/health/liveness")
    public static class Squatter implements Handler {
        @Override
        public Response onRequest(Context ctx) {
            return Response.text("mine");
        }
    }

    @Test
    void bothChecksAnswer200TextOk() throws Exception {
        try (TestServer server = Servers.start(Plain.class)) {
            for (String path : new String[] {"/health/liveness", "/health/readiness"}) {
                HttpResponse<String> r = server.client().get(path);
                assertEquals(200, r.statusCode(), path);
                assertEquals("OK", r.body(), path);
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), path);
            }
        }
    }

    @Test
    void aDeploymentWithoutFunctionsServesThemToo() throws Exception {
        try (TestServer server = Servers.start(ReturnsHello.class)) {
            assertEquals("OK", server.client().get("/health/liveness").body());
            assertEquals("OK", server.client().get("/health/readiness").body());
        }
    }

    /** A plain Fetch handler, no function. */
    @Route("/hello")
    public static class ReturnsHello implements Handler {
        @Override
        public Response onRequest(Context ctx) {
            return Response.text("hello");
        }
    }

    @Test
    void aFunctionsOwnChecksAnswerAtItsOwnPaths() throws Exception {
        try (TestServer server = Servers.start(OwnChecks.class)) {
            HttpResponse<String> alive = server.client().get("/alive");
            assertEquals(200, alive.statusCode());
            assertEquals("alive and well", alive.body());
            HttpResponse<String> ready = server.client().get("/ready");
            assertEquals(503, ready.statusCode());
            assertEquals("warming up", ready.body());
            assertEquals(404, server.client().get("/health/liveness").statusCode());
        }
    }

    @Test
    void livenessUrlAndReadinessUrlMoveTheChecks() throws Exception {
        try (TestServer server = Servers.start(Map.of("LIVENESS_URL", "/k8s/live", "READINESS_URL", "/k8s/ready"),
                OwnChecks.class)) {
            assertEquals("alive and well", server.client().get("/k8s/live").body());
            assertEquals(503, server.client().get("/k8s/ready").statusCode());
            assertEquals(404, server.client().get("/alive").statusCode());
        }
    }

    @Test
    void aCheckThatThrowsAnswers503WithoutDetails() throws Exception {
        try (TestServer server = Servers.start(BrokenCheck.class)) {
            HttpResponse<String> r = server.client().get("/health/readiness");
            assertEquals(503, r.statusCode());
            assertTrue(!r.body().contains("secret"), r.body());
            assertEquals(200, server.client().get("/health/liveness").statusCode());
        }
    }

    @Test
    void anAppRouteAtAHealthPathFailsTheDeployment() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Servers.start(Squatter.class));
        assertTrue(e.getMessage().contains("/health/liveness"), e.getMessage());
    }
}
