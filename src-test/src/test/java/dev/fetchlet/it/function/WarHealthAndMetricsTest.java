package dev.fetchlet.it.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Deployments;
import dev.fetchlet.it.harness.Http;
import dev.fetchlet.it.harness.OnEachContainer;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SPEC 7: every deployment, a WAR of route handlers included, serves the health checks and the metrics, so
 * Kubernetes probes and Prometheus work for any app. The conformance WAR (the example app, unchanged, with the
 * fixtures laid over it) on each container.
 */
@OnEachContainer
class WarHealthAndMetricsTest {
    private final Http http;

    WarHealthAndMetricsTest(ContainerKind kind) {
        this.http = Http.to(Deployments.of(kind));
    }

    @Test
    void theHealthChecksAnswerOk() throws Exception {
        for (String path : new String[] {"/health/liveness", "/health/readiness"}) {
            HttpResponse<String> r = http.get(path);
            assertEquals(200, r.statusCode(), path);
            assertEquals("OK", r.body(), path);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), path);
        }
    }

    @Test
    void theMetricsCountFetchHandlersByRoutePattern() throws Exception {
        String series = "faas_invocations_total{method=\"GET\",route=\"/api/users/[id]\",status=\"200\"}";
        double before = sample(http.get("/metrics").body(), series);
        http.get("/api/users/7");
        http.get("/api/users/42");

        HttpResponse<String> r = http.get("/metrics");
        assertEquals(200, r.statusCode());
        String type = r.headers().firstValue("Content-Type").orElse("").toLowerCase().replace(" ", "");
        assertEquals("text/plain;version=0.0.4;charset=utf-8", type);
        assertEquals(before + 2, sample(r.body(), series));
        assertTrue(r.body().contains("# TYPE faas_invocation_duration_seconds histogram"), r.body());
    }

    // 0 when the series has no sample yet.
    private static double sample(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
