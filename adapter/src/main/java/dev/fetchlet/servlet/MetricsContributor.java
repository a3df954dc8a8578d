package dev.fetchlet.servlet;

import dev.fetchlet.routing.RouteTable;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * Adds the Prometheus endpoint ({@code /metrics}, or {@code FUNC_METRICS_PATH}; {@code off} removes it) and the
 * filter that times every route, to every deployment. The filter is registered before the dispatcher's, so
 * it wraps it.
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
        FilterRegistration.Dynamic filter = context.addFilter("fetchlet-metrics", new MetricsFilter(metrics));
        if (filter != null) {
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        }
        MetricsRoute route = new MetricsRoute(metrics);
        routes.add(config.metricsPath, route, route.source() + " (FUNC_METRICS_PATH moves it or turns it off)");
    }
}
