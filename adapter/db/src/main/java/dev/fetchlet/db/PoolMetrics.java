package dev.fetchlet.db;

import com.zaxxer.hikari.HikariPoolMXBean;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The pool's figures as Prometheus gauges, read at each scrape, labelled with the pool's name (a HikariCP pool
 * the container manages included; another container pool has no gauges):
 * {@code hikaricp_connections_active}, {@code _idle}, {@code _pending} (requests waiting for a connection) and
 * {@code _max}, the names HikariCP's own Prometheus tracker uses, so existing dashboards fit.
 */
final class PoolMetrics {
    private PoolMetrics() {
    }

    /** Registers the gauges; returns them, for {@link #unregister}. */
    static List<GaugeWithCallback> register(PrometheusRegistry registry, Database db, String poolName) {
        return List.of(
                gauge(registry, "hikaricp_connections_active", "Connections in use", db, poolName,
                        HikariPoolMXBean::getActiveConnections),
                gauge(registry, "hikaricp_connections_idle", "Connections open and free", db, poolName,
                        HikariPoolMXBean::getIdleConnections),
                gauge(registry, "hikaricp_connections_pending", "Requests waiting for a connection", db, poolName,
                        HikariPoolMXBean::getThreadsAwaitingConnection),
                GaugeWithCallback.builder().name("hikaricp_connections_max").help("Most connections the pool opens")
                        .labelNames("pool").callback(cb -> cb.call(db.maxPoolSize(), poolName)).register(registry));
    }

    static void unregister(PrometheusRegistry registry, List<GaugeWithCallback> gauges) {
        gauges.forEach(registry::unregister);
    }

    private static GaugeWithCallback gauge(PrometheusRegistry registry, String name, String help, Database db,
                                           String poolName, ToIntFunction<HikariPoolMXBean> figure) {
        return GaugeWithCallback.builder().name(name).help(help).labelNames("pool")
                .callback(cb -> {
                    HikariPoolMXBean pool = db.poolFigures();
                    if (pool != null) { // null while the pool starts, or once closed
                        cb.call(figure.applyAsInt(pool), poolName);
                    }
                })
                .register(registry);
    }
}
