package dev.fetchlet.servlet;

import dev.fetchlet.function.FetchletFunction;
import dev.fetchlet.routing.RouteTable;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Adds {@code /health/liveness} and {@code /health/readiness} to every deployment, a WAR of route handlers
 * included, so Kubernetes probes work for any app. A path comes from {@code LIVENESS_URL}/{@code READINESS_URL},
 * else from a function's {@code livenessPath()}/{@code readinessPath()}, else the default. As ordinary routes
 * they make an app route at the same path a deployment error, like any duplicate. Runs after the function
 * contributor, so every function is known.
 */
final class HealthContributor implements RouteContributor {
    @Override
    public void contribute(Set<Class<?>> classes, Deployment deployment, ServletContext context,
                           RouteTable.Builder<RouteTarget> routes) {
        FunctionConfig config = FunctionConfig.of(context);
        List<FetchletFunction> functions = FunctionRegistry.of(context).routes().stream()
                .map(FunctionRoute::function).toList();
        OverloadMonitor monitor = new OverloadMonitor(config.maxHeapRatio, config.maxSchedulingDelay);
        context.addListener(monitor);
        add(routes, HealthRoute.Check.LIVENESS, paths(functions, config.livenessUrl, FetchletFunction::livenessPath,
                FunctionConfig.DEFAULT_LIVENESS), monitor, "LIVENESS_URL");
        add(routes, HealthRoute.Check.READINESS, paths(functions, config.readinessUrl, FetchletFunction::readinessPath,
                FunctionConfig.DEFAULT_READINESS), monitor, "READINESS_URL");
    }

    private static void add(RouteTable.Builder<RouteTarget> routes, HealthRoute.Check check,
                            Map<String, List<FetchletFunction>> byPath, OverloadMonitor monitor, String setting) {
        for (Map.Entry<String, List<FetchletFunction>> e : byPath.entrySet()) {
            HealthRoute route = new HealthRoute(check, e.getValue(), monitor);
            routes.add(e.getKey(), route, route.source() + " (" + setting + " moves it)");
        }
    }

    // Each path with the functions whose check answers there; the default path even without functions.
    private static Map<String, List<FetchletFunction>> paths(List<FetchletFunction> functions, String configured,
                                                             Function<FetchletFunction, String> own, String fallback) {
        Map<String, List<FetchletFunction>> byPath = new LinkedHashMap<>();
        if (configured != null || functions.isEmpty()) {
            byPath.put(configured != null ? configured : fallback, new ArrayList<>(functions));
            return byPath;
        }
        for (FetchletFunction f : functions) {
            String path = own.apply(f);
            if (path == null || path.isBlank()) {
                path = fallback;
            } else if (!path.startsWith("/")) {
                throw new IllegalStateException(f.getClass().getName() + " gives the health check path '" + path
                        + "', which does not start with '/'");
            }
            byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(f);
        }
        return byPath;
    }
}
