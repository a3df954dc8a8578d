package dev.fetchlet.health;

import dev.fetchlet.config.Settings;
import dev.fetchlet.config.Units;
import dev.fetchlet.servlet.Deployment;
import dev.fetchlet.servlet.Feature;
import dev.fetchlet.servlet.HealthCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Adds {@code /health/liveness} and {@code /health/readiness} to every deployment, a WAR of route handlers
 * included, so Kubernetes probes work for any app. A path comes from {@code LIVENESS_URL}/{@code READINESS_URL},
 * else from a {@link HealthCheck}'s own path (a function's {@code livenessPath()}), else the default. As
 * ordinary routes they make an app route at the same path a deployment error, like any duplicate. Comes after
 * the other features ({@link #order()}), so every check they add is known.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code LIVENESS_URL}</td><td>{@code /health/liveness}</td><td>liveness check path</td></tr>
 *   <tr><td>{@code READINESS_URL}</td><td>{@code /health/readiness}</td><td>readiness check path</td></tr>
 *   <tr><td>{@code FUNC_MAX_HEAP_RATIO}</td><td>{@code 0.9}</td><td>heap used after GC over the maximum that
 *       counts as overload; {@code off} disables</td></tr>
 *   <tr><td>{@code FUNC_MAX_SCHEDULING_DELAY}</td><td>{@code 1s}</td><td>how late a sleeping thread may wake before
 *       it counts as overload; {@code off} disables</td></tr>
 * </table>
 */
public final class HealthFeature implements Feature {
    static final String DEFAULT_LIVENESS = "/health/liveness";
    static final String DEFAULT_READINESS = "/health/readiness";

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void contribute(Deployment.Builder deployment) {
        Settings s = deployment.settings();
        String livenessUrl = s.get("LIVENESS_URL") == null ? null : Units.path("LIVENESS_URL", s.get("LIVENESS_URL"));
        String readinessUrl = s.get("READINESS_URL") == null ? null
                : Units.path("READINESS_URL", s.get("READINESS_URL"));
        OverloadMonitor monitor = new OverloadMonitor(heapRatio(s.get("FUNC_MAX_HEAP_RATIO", "0.9")),
                schedulingDelay(s.get("FUNC_MAX_SCHEDULING_DELAY", "1s")));
        deployment.servletContext().addListener(monitor);
        List<HealthCheck> checks = deployment.healthChecks();
        add(deployment, HealthRoute.Probe.LIVENESS, paths(checks, livenessUrl, HealthCheck::livenessPath,
                DEFAULT_LIVENESS), monitor, "LIVENESS_URL");
        add(deployment, HealthRoute.Probe.READINESS, paths(checks, readinessUrl, HealthCheck::readinessPath,
                DEFAULT_READINESS), monitor, "READINESS_URL");
    }

    private static void add(Deployment.Builder deployment, HealthRoute.Probe probe,
                            Map<String, List<HealthCheck>> byPath, OverloadMonitor monitor, String setting) {
        for (Map.Entry<String, List<HealthCheck>> e : byPath.entrySet()) {
            HealthRoute route = new HealthRoute(probe, e.getValue(), monitor);
            deployment.route(e.getKey(), route, route.source() + " (" + setting + " moves it)");
        }
    }

    // Each path with the checks answering there; the default path even without checks.
    private static Map<String, List<HealthCheck>> paths(List<HealthCheck> checks, String configured,
                                                        Function<HealthCheck, String> own, String fallback) {
        Map<String, List<HealthCheck>> byPath = new LinkedHashMap<>();
        if (configured != null || checks.isEmpty()) {
            byPath.put(configured != null ? configured : fallback, new ArrayList<>(checks));
            return byPath;
        }
        for (HealthCheck c : checks) {
            String path = own.apply(c);
            if (path == null || path.isBlank()) {
                path = fallback;
            } else if (!path.startsWith("/")) {
                throw new IllegalStateException(c.source() + " gives the health check path '" + path
                        + "', which does not start with '/'");
            }
            byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(c);
        }
        return byPath;
    }

    private static double heapRatio(String value) {
        if (Units.isOff(value)) {
            return Double.NaN;
        }
        try {
            double ratio = Double.parseDouble(value);
            if (ratio > 0 && ratio <= 1) {
                return ratio;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("FUNC_MAX_HEAP_RATIO must be a number within (0, 1] or off, not '" + value + "'");
    }

    private static Duration schedulingDelay(String value) {
        if (Units.isOff(value)) {
            return null;
        }
        Duration d = Units.duration("FUNC_MAX_SCHEDULING_DELAY", value);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("FUNC_MAX_SCHEDULING_DELAY must be positive, or off");
        }
        return d;
    }
}
