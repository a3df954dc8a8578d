package dev.fetchlet.metrics;

import dev.fetchlet.config.Settings;
import dev.fetchlet.config.Units;
import dev.fetchlet.servlet.Deployment;
import dev.fetchlet.servlet.Feature;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prometheus metrics: adds the endpoint ({@code /metrics}, or {@code FUNC_METRICS_PATH}; {@code off} removes
 * it), has the request pipeline report every routed request to the metrics, and reports the {@link
 * dev.fetchlet.servlet.Gauge}s the other features added (it contributes last, to see them all).
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code FUNC_METRICS_PATH}</td><td>{@code /metrics}</td><td>Prometheus endpoint; {@code off} disables</td></tr>
 *   <tr><td>{@code FAAS_NAME} (else {@code K_SERVICE}), {@code K_REVISION}, {@code K_CONFIGURATION}</td><td>none</td><td>labels
 *     {@code faas_name}, {@code faas_revision}, {@code faas_configuration} on every metric</td></tr>
 * </table>
 */
public final class MetricsFeature implements Feature {
    @Override
    public int order() {
        return 100;
    }

    @Override
    public void contribute(Deployment.Builder deployment) {
        Settings s = deployment.settings();
        String path = s.get("FUNC_METRICS_PATH", "/metrics");
        if (Units.isOff(path)) {
            return;
        }
        Units.path("FUNC_METRICS_PATH", path);
        RouteMetrics metrics = new RouteMetrics(labels(s), deployment.gauges());
        metrics.reportWaitUntil(deployment.afterResponseTasks());
        deployment.observe(metrics);
        MetricsRoute route = new MetricsRoute(metrics);
        deployment.route(path, route, route.source() + " (FUNC_METRICS_PATH moves it or turns it off)");
    }

    private static Map<String, String> labels(Settings s) {
        Map<String, String> labels = new LinkedHashMap<>();
        String name = s.get("FAAS_NAME", s.get("K_SERVICE"));
        if (name != null) {
            labels.put("faas_name", name);
        }
        if (s.get("K_REVISION") != null) {
            labels.put("faas_revision", s.get("K_REVISION"));
        }
        if (s.get("K_CONFIGURATION") != null) {
            labels.put("faas_configuration", s.get("K_CONFIGURATION"));
        }
        return Map.copyOf(labels);
    }
}
