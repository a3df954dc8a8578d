package dev.fetchlet.db;

import com.zaxxer.hikari.HikariPoolMXBean;
import dev.fetchlet.servlet.Deployment;
import dev.fetchlet.servlet.Feature;
import dev.fetchlet.servlet.Gauge;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The pool's figures as gauges on {@code /metrics}, read at each scrape, labelled with the pool's name (a HikariCP
 * pool the container manages included; another container pool has no figures):
 * {@code hikaricp_connections_active}, {@code _idle}, {@code _pending} (requests waiting for a connection) and
 * {@code _max}, the names HikariCP's own Prometheus tracker uses, so existing dashboards fit.
 *
 * <p>A {@link Feature} (listed in this jar's {@code META-INF/services}): the gauges go to the deployment, and the
 * metrics feature, when the WAR has it, reports them. Each reading looks up the app's open {@link Database}, so
 * it does not matter whether the container starts this module's initializer before or after Fetchlet's, and a
 * closed database simply reports nothing. Public only because {@code ServiceLoader} requires it.
 */
public final class PoolMetrics implements Feature {
    @Override
    public void contribute(Deployment.Builder deployment) {
        ClassLoader app = deployment.servletContext().getClassLoader();
        String fallbackName = DatabaseInitializer.poolName(deployment.servletContext());
        deployment.gauge(gauge("hikaricp_connections_active", "Connections in use", app, fallbackName,
                HikariPoolMXBean::getActiveConnections));
        deployment.gauge(gauge("hikaricp_connections_idle", "Connections open and free", app, fallbackName,
                HikariPoolMXBean::getIdleConnections));
        deployment.gauge(gauge("hikaricp_connections_pending", "Requests waiting for a connection", app, fallbackName,
                HikariPoolMXBean::getThreadsAwaitingConnection));
        deployment.gauge(new Gauge("hikaricp_connections_max", "Most connections the pool opens", "pool", () -> {
            Database db = Database.of(app);
            return db == null ? Map.of() : Map.of(db.poolName(fallbackName), db.maxPoolSize());
        }));
    }

    private static Gauge gauge(String name, String help, ClassLoader app, String fallbackName,
                               ToIntFunction<HikariPoolMXBean> figure) {
        return new Gauge(name, help, "pool", () -> {
            Database db = Database.of(app);
            HikariPoolMXBean pool = db == null ? null : db.poolFigures();
            // null while the pool starts, once closed, or for a container pool that is not HikariCP
            return pool == null ? Map.of() : Map.of(db.poolName(fallbackName), figure.applyAsInt(pool));
        });
    }
}
