package dev.fetchlet.it.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Deployment;
import dev.fetchlet.it.harness.Deployments;
import dev.fetchlet.it.harness.Http;
import dev.fetchlet.it.harness.OnEachEmbeddedContainer;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every route kind is counted in {@code /metrics} by its route template, not by the path: WebSocket upgrades
 * (status 101), mounted servlet apps and mounted Javalin apps, including a mount that fails. The example WAR on
 * the embedded Jetty (through the launcher) and Tomcat, over real sockets.
 *
 * <p>The count is made once the answer is complete, which for an upgrade may be a moment after the client saw
 * its 101: each check reads {@code /metrics} until the count arrives, within a bound.
 */
@OnEachEmbeddedContainer
class EveryRouteKindInMetricsTest {
    private static final long WAIT_MILLIS = 10_000;

    private final Deployment deployment;
    private final Http http;

    EveryRouteKindInMetricsTest(ContainerKind kind) {
        this.deployment = Deployments.of(kind);
        this.http = Http.to(deployment);
    }

    @Test
    void aWebSocketUpgradeIsCountedAs101ByItsRouteTemplate() throws Exception {
        String series = series("/chat/[room]", "GET", 101);
        double before = sample(series);
        try (WsClient first = WsClient.connect(deployment, "/chat/metrics-a?name=ada");
             WsClient second = WsClient.connect(deployment, "/chat/metrics-b?name=alan")) {
            assertCountReaches(series, before + 2);
        }
    }

    @Test
    void aRefusedWebSocketRequestIsCountedWithItsStatus() throws Exception {
        String series = series("/chat/[room]", "GET", 426);
        double before = sample(series);
        assertEquals(426, http.get("/chat/metrics-c").statusCode()); // a plain GET, no Upgrade
        assertCountReaches(series, before + 1);
    }

    @Test
    void aMountedServletAppIsCountedByItsRouteTemplate() throws Exception {
        String series = series("/koa/[[default]]", "GET", 200);
        double before = sample(series);
        assertEquals(200, http.get("/koa/users/7").statusCode());
        assertEquals(200, http.get("/koa/users/8").statusCode());
        assertCountReaches(series, before + 2);
    }

    @Test
    void aMountedAppThatFailsIsCountedAs500() throws Exception {
        String series = series("/koa/[[default]]", "GET", 500);
        double before = sample(series);
        assertEquals(500, http.get("/koa/boom").statusCode());
        assertCountReaches(series, before + 1);
        assertTrue(sample("faas_errors_total{method=\"GET\",route=\"/koa/[[default]]\",status=\"500\"}") >= 1);
    }

    @Test
    void aMountedJavalinAppIsCountedByItsRouteTemplate() throws Exception {
        String series = series("/express/[[default]]", "GET", 200);
        double before = sample(series);
        assertEquals(200, http.get("/express/users/7").statusCode());
        assertCountReaches(series, before + 1);
    }

    @Test
    void theLatencyHistogramHasTheMountAndTheUpgradeToo() throws Exception {
        http.get("/koa/users/9");
        try (WsClient ws = WsClient.connect(deployment, "/chat/metrics-d?name=grace")) {
            assertCountReaches(series("/chat/[room]", "GET", 101), 1);
        }
        String text = http.get("/metrics").body();
        assertTrue(text.contains("faas_invocation_duration_seconds_count{method=\"GET\",route=\"/koa/[[default]]\""),
                text);
        assertTrue(text.contains("faas_invocation_duration_seconds_count{method=\"GET\",route=\"/chat/[room]\""),
                text);
    }

    private static String series(String route, String method, int status) {
        return "faas_invocations_total{method=\"" + method + "\",route=\"" + route + "\",status=\"" + status + "\"}";
    }

    private void assertCountReaches(String series, double expected) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        double seen = sample(series);
        while (seen < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            seen = sample(series);
        }
        assertTrue(seen >= expected, series + " is " + seen + ", expected at least " + expected);
    }

    // 0 when the series has no sample yet.
    private double sample(String series) throws Exception {
        HttpResponse<String> r = http.get("/metrics");
        assertEquals(200, r.statusCode());
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(r.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
