package dev.fetchlet.db;

import dev.fetchlet.config.Settings;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the web app's {@link Database} when the container starts the app, and closes it when the app stops.
 * Found by the container through {@code META-INF/services}, like Fetchlet's own initializer; the pool's gauges
 * go into the registry that {@code /metrics} also scrapes (the context attribute {@value #METRICS_REGISTRY}).
 */
public final class DatabaseInitializer implements ServletContainerInitializer {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseInitializer.class);

    /** Context attribute: a {@link PrometheusRegistry} of modules' collectors, scraped by {@code /metrics}. */
    static final String METRICS_REGISTRY = "dev.fetchlet.metrics.registry"; // RouteMetrics.MODULE_REGISTRY_ATTRIBUTE

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        Settings settings = Settings.fromProcess(context::getInitParameter);
        ClassLoader app = context.getClassLoader();
        String poolName = "fetchlet" + context.getContextPath().replace('/', '-');
        Database db = DataSources.open(DatabaseSettings.load(settings), poolName, app);
        db.register(app);
        PrometheusRegistry registry = metricsRegistry(context);
        List<GaugeWithCallback> gauges = PoolMetrics.register(registry, db, db.poolName(poolName));
        LOG.info("Database: {}", db.origin());
        context.addListener(new ServletContextListener() {
            @Override
            public void contextDestroyed(ServletContextEvent event) {
                PoolMetrics.unregister(registry, gauges);
                db.close(app);
            }
        });
    }

    private static PrometheusRegistry metricsRegistry(ServletContext context) {
        if (context.getAttribute(METRICS_REGISTRY) instanceof PrometheusRegistry existing) {
            return existing;
        }
        PrometheusRegistry registry = new PrometheusRegistry();
        context.setAttribute(METRICS_REGISTRY, registry);
        return registry;
    }
}
