package dev.fetchlet.servlet;

import dev.fetchlet.config.FetchletConfig;
import dev.fetchlet.config.Settings;
import dev.fetchlet.observe.AfterResponseTasks;
import dev.fetchlet.observe.Observability;
import dev.fetchlet.routing.RouteEntry;
import dev.fetchlet.routing.RouteTable;
import dev.fetchlet.servlet.middleware.MiddlewareTable;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One deployed web app, as the initializer built it and the dispatcher serves it: its settings, environment,
 * route table, the request observers the features added, and the watchdog of its handler calls. Immutable once
 * built; {@link #close()} releases it when the web app stops (route targets, the watchdog, and the servlet
 * context attribute it set).
 *
 * <p>Features see it while it is built, through {@link Builder}:
 * <pre>{@code
 * public void contribute(Deployment.Builder deployment) {
 *     String path = deployment.settings().get("AUDIT_PATH", "/audit");
 *     deployment.route(path, new AuditRoute(), "built-in audit log");
 * }
 * }</pre>
 */
public final class Deployment implements AutoCloseable {
    /** Servlet context attribute holding the route listing ({@code List<String>}), one line per route. */
    public static final String ROUTE_LISTING_ATTRIBUTE = "dev.fetchlet.routeListing";

    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet");

    final FetchletConfig config;
    final Map<String, String> env;
    final Watchdog watchdog;
    private final RouteTable<RouteTarget> routes;
    private final List<RequestObserver> observers;
    private final MiddlewareTable middleware;
    private final List<String> listing;
    private final ServletContext servletContext;
    private final Observability observability;

    private Deployment(Builder b, RouteTable<RouteTarget> routes) {
        this.config = b.config;
        this.env = b.env;
        this.routes = routes;
        this.observers = List.copyOf(b.observers);
        this.middleware = b.middleware.build();
        this.listing = listing(routes);
        this.servletContext = b.servletContext;
        this.watchdog = new Watchdog(config.timeout());
        this.observability = b.observability();
    }

    public FetchletConfig config() {
        return config;
    }

    /** The environment handlers see through {@code Context.env()}. */
    public Map<String, String> env() {
        return env;
    }

    RouteTable<RouteTarget> routes() {
        return routes;
    }

    List<RequestObserver> observers() {
        return observers;
    }

    /** Tracing, the access log and the {@code waitUntil} tasks. */
    public Observability observability() {
        return observability;
    }

    /** The middleware in front of the app's paths, and whether every response says {@code nosniff}. */
    public MiddlewareTable middleware() {
        return middleware;
    }

    /** One line per route: methods, pattern, source. */
    public List<String> listing() {
        return listing;
    }

    /** Publishes the route listing for the launcher; {@link #close()} removes it. */
    void publishListing() {
        servletContext.setAttribute(ROUTE_LISTING_ATTRIBUTE, listing);
    }

    @Override
    public void close() {
        // waitUntil work may still use what the targets hold (a function's resources): it finishes first.
        observability.close();
        for (RouteEntry<RouteTarget> e : routes.entries()) {
            try {
                e.target().destroy();
            } catch (RuntimeException | LinkageError failure) {
                LOG.warn("Releasing {} failed: {}", e.target().source(), failure.toString());
            }
        }
        watchdog.close();
        servletContext.removeAttribute(ROUTE_LISTING_ATTRIBUTE);
    }

    private static List<String> listing(RouteTable<RouteTarget> routes) {
        List<String> lines = new ArrayList<>();
        for (RouteEntry<RouteTarget> e : routes.entries()) {
            lines.add(String.format("%-34s %-40s -> %s", e.target().methods(), e.pattern(), e.target().source()));
        }
        return Collections.unmodifiableList(lines);
    }

    /**
     * A deployment while the initializer and the features build it. Not thread-safe: deployment runs on one
     * thread.
     */
    public static final class Builder {
        private final Set<Class<?>> classes;
        private final ServletContext servletContext;
        private final Settings settings;
        private final FetchletConfig config;
        private final Map<String, String> env;
        private final RouteTable.Builder<RouteTarget> routes = RouteTable.builder();
        private final List<RequestObserver> observers = new ArrayList<>();
        private final List<HealthCheck> healthChecks = new ArrayList<>();
        private final List<Gauge> gauges = new ArrayList<>();
        private Observability observability;
        private final MiddlewareTable.Builder middleware = MiddlewareTable.builder();

        Builder(Set<Class<?>> classes, ServletContext servletContext, Settings settings, FetchletConfig config,
                Map<String, String> env) {
            this.classes = classes == null ? Set.of() : Set.copyOf(classes);
            this.servletContext = servletContext;
            this.settings = settings;
            this.config = config;
            this.env = env;
        }

        /** The classes the container handed the initializer: {@code @Route} classes and handler types. */
        public Set<Class<?>> classes() {
            return classes;
        }

        /** For what only the Servlet API can do: listeners, init parameters, a mounted servlet's config. */
        public ServletContext servletContext() {
            return servletContext;
        }

        /** Every setting, from system properties, environment and context parameters. */
        public Settings settings() {
            return settings;
        }

        public FetchletConfig config() {
            return config;
        }

        /** Adds a route; duplicates and malformed patterns fail the deployment once all are added. */
        public void route(String pattern, RouteTarget target, String source) {
            routes.add(pattern, target, source);
        }

        /** Has {@code observer} told of every routed request's answer. */
        public void observe(RequestObserver observer) {
            observers.add(observer);
        }

        /** The middleware table being built: the app's and the built-in middleware, outer folders first. */
        public MiddlewareTable.Builder middleware() {
            return middleware;
        }

        /** Adds something the health probes ask. */
        public void healthCheck(HealthCheck check) {
            healthChecks.add(check);
        }

        /** The deployment's {@code waitUntil} tasks, for a feature that reports on them (the metrics). */
        public AfterResponseTasks afterResponseTasks() {
            return observability().afterResponseTasks();
        }

        Observability observability() {
            if (observability == null) {
                observability = Observability.load(settings, servletContext);
            }
            return observability;
        }

        /** The health checks added so far. */
        public List<HealthCheck> healthChecks() {
            return List.copyOf(healthChecks);
        }

        /** Adds a figure the metrics report at each scrape (a pool's connections, say). */
        public void gauge(Gauge gauge) {
            gauges.add(gauge);
        }

        /** The gauges added so far: the metrics feature, which contributes last, reads them all. */
        public List<Gauge> gauges() {
            return List.copyOf(gauges);
        }

        /** Constructs a user class through its public no-argument constructor, with a clear message if it cannot. */
        public Object instantiate(Class<?> type) {
            return HandlerScanner.instantiate(type);
        }

        Deployment build() throws Exception {
            observability();
            return new Deployment(this, routes.build());
        }

        /** Releases the targets made so far: they may hold started apps and threads. */
        void abandon(Throwable failure) {
            if (observability != null) {
                observability.close();
            }
            for (RouteTarget target : routes.targets()) {
                try {
                    target.destroy();
                } catch (RuntimeException | LinkageError cleanup) {
                    failure.addSuppressed(cleanup);
                }
            }
        }
    }
}
