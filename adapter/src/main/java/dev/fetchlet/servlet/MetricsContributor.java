package dev.fetchlet.servlet;

import dev.fetchlet.routing.RouteTable;
import jakarta.servlet.ServletContext;
import java.util.Set;

/**
 * Adds the Prometheus endpoint ({@code /metrics}, or {@code FUNC_METRICS_PATH}; {@code off} removes it) and the
 * filter that times every route, to every deployment. The filter runs ahead of the dispatcher, inside its
 * container filter ({@link LeadingFilters}), so it wraps it on every container.
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
        // Inside the dispatcher's own filter: as a filter of its own, its place in the chain is the container's.
        LeadingFilters.add(context, new MetricsFilter(metrics));
        MetricsRoute route = new MetricsRoute(metrics);
        routes.add(config.metricsPath, route, route.source() + " (FUNC_METRICS_PATH moves it or turns it off)");
    }
}
