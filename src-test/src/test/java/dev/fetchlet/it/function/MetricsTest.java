package dev.fetchlet.it.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.HttpException;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.function.Body;
import dev.fetchlet.function.FunctionContext;
import dev.fetchlet.function.HttpFunction;
import dev.fetchlet.launcher.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** SPEC 7, metrics: Prometheus text at /metrics with invocation, error and latency series for every route. */
class MetricsTest {
    public static class Fn implements HttpFunction {
        @Override
        public Object handle(FunctionContext ctx, Body body) {
            if (ctx.query("boom") != null) {
                throw new IllegalStateException("boom");
            }
            return "ok";
        }
    }

    @Route("/users/[id]")
    public static class User implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            if (ctx.params().get("id").equals("0")) {
                throw HttpException.notFound("no user 0");
            }
            return Response.text("user " + ctx.params().get("id"));
        }
    }

    @Test
    void countsEveryRouteByPatternMethodAndStatusWithTheServiceLabels() throws Exception {
        try (TestServer server = Servers.start(Map.of("FAAS_NAME", "greeter", "K_REVISION", "greeter-00001",
                "K_CONFIGURATION", "greeter"),
                Fn.class, User.class)) {
            server.client().get("/");
            server.client().get("/");
            server.client().post("/", "x", "Content-Type", "text/plain");
            server.client().get("/?boom=1");
            server.client().get("/users/7");
            server.client().get("/users/8");
            server.client().get("/users/0");
            server.client().get("/health/readiness");

            HttpResponse<String> r = server.client().get("/metrics");
            assertEquals(200, r.statusCode());
            assertEquals("text/plain; version=0.0.4; charset=utf-8",
                    r.headers().firstValue("Content-Type").orElse("").toLowerCase().replace(";charset", "; charset")
                            .replace(";version", "; version"));
            String text = r.body();
            String labels = "faas_configuration=\"greeter\",faas_name=\"greeter\",faas_revision=\"greeter-00001\",";
            assertEquals(2.0, sample(text, "faas_invocations_total{" + labels + "method=\"GET\",route=\"/\",status=\"200\"}"));
            assertEquals(1.0, sample(text, "faas_invocations_total{" + labels + "method=\"POST\",route=\"/\",status=\"200\"}"));
            assertEquals(1.0, sample(text, "faas_errors_total{" + labels + "method=\"GET\",route=\"/\",status=\"500\"}"));
            assertEquals(2.0, sample(text,
                    "faas_invocations_total{" + labels + "method=\"GET\",route=\"/users/[id]\",status=\"200\"}"),
                    "Fetch handlers are counted by route pattern, not by path");
            assertEquals(1.0, sample(text,
                    "faas_invocations_total{" + labels + "method=\"GET\",route=\"/users/[id]\",status=\"404\"}"));
            assertEquals(2.0, sample(text, "faas_invocation_duration_seconds_count{" + labels
                    + "method=\"GET\",route=\"/users/[id]\",status=\"200\"}"));
            assertTrue(text.contains("faas_invocation_duration_seconds_bucket{"), "a histogram, with buckets");
            assertFalse(text.contains("route=\"/health/readiness\""), "probes are not invocations");
        }
    }

    private static double sample(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        if (!m.find()) {
            throw new AssertionError("no sample " + series + " in\n" + text);
        }
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theEndpointCanMoveOrBeTurnedOff() throws Exception {
        try (TestServer server = Servers.start(Map.of("FUNC_METRICS_PATH", "/internal/metrics"), Fn.class)) {
            assertEquals(200, server.client().get("/internal/metrics").statusCode());
            assertEquals(404, server.client().get("/metrics").statusCode());
        }
        try (TestServer server = Servers.start(Map.of("FUNC_METRICS_PATH", "off"), Fn.class)) {
            assertEquals(404, server.client().get("/metrics").statusCode());
            assertEquals(200, server.client().get("/").statusCode());
        }
    }
}
