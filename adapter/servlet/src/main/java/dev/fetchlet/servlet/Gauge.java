package dev.fetchlet.servlet;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A figure that a feature reports and the metrics feature reads at each scrape, such as the connections a pool
 * has in use. A feature adds it with {@link Deployment.Builder#gauge}; with no metrics feature in the WAR it is
 * simply never read. It lives as long as the deployment, so nothing needs removing on undeploy.
 *
 * <pre>{@code
 * deployment.gauge(new Gauge("hikaricp_connections_active", "Connections in use", "pool",
 *         () -> pool.isOpen() ? Map.of("orders", pool.active()) : Map.of()));
 * }</pre>
 *
 * @param name   the metric's name, e.g. {@code hikaricp_connections_active}; distinct from the request metrics'
 * @param help   one line saying what it measures
 * @param label  the name of its one label, e.g. {@code pool}
 * @param values the figures now, by label value; empty when there is none to report (the pool is not open)
 */
public record Gauge(String name, String help, String label, Supplier<Map<String, ? extends Number>> values) {
    public Gauge {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(values, "values");
    }
}
