package dev.fetchlet.function;

import dev.fetchlet.Deployable;

/**
 * What every function may add to its {@code handle} method: lifecycle hooks, health checks and a log level,
 * the {@code Function} object of the Knative Node.js runtime. Every method has a default, so a function
 * overrides only what it needs. Implement {@link HttpFunction} or {@link CloudEventFunction}, not this
 * interface directly.
 *
 * <pre>{@code
 * public class Orders implements HttpFunction {
 *     private DataSource db;
 *
 *     @Override
 *     public void init() {                      // before the first request; throwing stops the deployment
 *         db = Pools.open(System.getenv("DB_URL"));
 *     }
 *
 *     @Override
 *     public HealthStatus readiness() {         // GET /health/readiness
 *         return db.isReachable() ? HealthStatus.ok() : HealthStatus.unavailable("database unreachable");
 *     }
 *
 *     @Override
 *     public void shutdown() {                  // once, after in-flight requests finish
 *         db.close();
 *     }
 *
 *     @Override
 *     public Object handle(FunctionContext ctx, Body body) {
 *         return db.find(ctx.query("id"));      // serialised as JSON
 *     }
 * }
 * }</pre>
 *
 * <p>A function class needs a public or package-private constructor without parameters. It is served at
 * {@code /}, or where {@code FUNC_PATH} says, or at its own {@code @Route}; one instance serves every request,
 * from many threads at once. It is found by its type ({@link Deployable}), so a WAR without this module never
 * names it.
 */
public sealed interface FetchletFunction extends Deployable permits HttpFunction, CloudEventFunction {

    /**
     * Runs once when the function is deployed, before the first request is accepted. An exception stops the
     * deployment.
     */
    default void init() throws Exception {
    }

    /**
     * Runs once when the function is undeployed or the server stops, after in-flight requests have finished
     * (or the wall-time limit has passed for them).
     */
    default void shutdown() throws Exception {
    }

    /**
     * The liveness check, answered at {@code /health/liveness}: whether the process should be restarted.
     * Called for each probe, so it should be quick. An exception counts as unhealthy (503).
     */
    default HealthStatus liveness() throws Exception {
        return HealthStatus.ok();
    }

    /**
     * The readiness check, answered at {@code /health/readiness}: whether to send this instance traffic.
     * Called for each probe, so it should be quick. An exception counts as not ready (503).
     */
    default HealthStatus readiness() throws Exception {
        return HealthStatus.ok();
    }

    /** The liveness check's path instead of {@code /health/liveness}; {@code null} keeps the default. */
    default String livenessPath() {
        return null;
    }

    /** The readiness check's path instead of {@code /health/readiness}; {@code null} keeps the default. */
    default String readinessPath() {
        return null;
    }

    /**
     * The level for the app's logging, applied at deployment; {@code null} (the default) leaves it as
     * configured. The {@code FUNC_LOG_LEVEL} setting wins over this, so operators can raise verbosity
     * without a rebuild.
     */
    default LogLevel logLevel() {
        return null;
    }
}
