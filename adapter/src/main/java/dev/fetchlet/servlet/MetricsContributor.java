package dev.fetchlet.servlet;

import dev.fetchlet.routing.RouteTable;
import jakarta.servlet.ServletContext;
import java.util.Set;

/**
 * Adds the Prometheus endpoint ({@code /metrics}, or {@code FUNC_METRICS_PATH}; {@code off} removes it) to every
 * deployment, and has every routed request reported to the metrics by the request pipeline.
 */
final class MetricsContributor implements RouteContributor {
    @Override
    public void contribute(Set<Class<?>> classes, Deployment deployment, ServletContext context,
                           RouteTable.Builder<RouteTarget> routes) {
        FunctionConfig config = FunctionConfig.of(context);
        if (config.metricsPath == null) {
            return;
        }
        RouteMetrics metrics = new RouteMetrics(config.metricLabels);
        deployment.observe(metrics);
        MetricsRoute route = new MetricsRoute(metrics);
        routes.add(config.metricsPath, route, route.source() + " (FUNC_METRICS_PATH moves it or turns it off)");
    }
}
