package dev.fetchlet.servlet;

import dev.fetchlet.config.Settings;
import dev.fetchlet.config.Units;
import dev.fetchlet.function.LogLevel;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of functions, health checks, overload protection and metrics, read once per deployment from
 * the same sources as every other key (system property, environment variable, context parameter):
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code FUNC_PATH}</td><td>{@code /}</td><td>path of a function class without {@code @Route}</td></tr>
 *   <tr><td>{@code FUNC_CLASS}</td><td>none</td><td>the function to serve when several lack {@code @Route}</td></tr>
 *   <tr><td>{@code FUNC_CORS_ORIGINS}</td><td>{@code *}</td><td>origins allowed by CORS, comma-separated</td></tr>
 *   <tr><td>{@code FUNC_LOG_LEVEL}</td><td>none</td><td>log level; wins over a function's {@code logLevel()}</td></tr>
 *   <tr><td>{@code LIVENESS_URL}</td><td>{@code /health/liveness}</td><td>liveness check path</td></tr>
 *   <tr><td>{@code READINESS_URL}</td><td>{@code /health/readiness}</td><td>readiness check path</td></tr>
 *   <tr><td>{@code FUNC_MAX_HEAP_RATIO}</td><td>{@code 0.9}</td><td>heap used after GC over the maximum that
 *       counts as overload; {@code off} disables</td></tr>
 *   <tr><td>{@code FUNC_MAX_SCHEDULING_DELAY}</td><td>{@code 1s}</td><td>how late a sleeping thread may wake before
 *       it counts as overload; {@code off} disables</td></tr>
 *   <tr><td>{@code FUNC_METRICS_PATH}</td><td>{@code /metrics}</td><td>Prometheus endpoint; {@code off} disables</td></tr>
 *   <tr><td>{@code FAAS_NAME}, {@code K_SERVICE}, {@code K_REVISION}</td><td>none</td><td>labels on every metric</td></tr>
 * </table>
 */
final class FunctionConfig {
    static final String DEFAULT_LIVENESS = "/health/liveness";
    static final String DEFAULT_READINESS = "/health/readiness";
    private static final String ATTRIBUTE = "dev.fetchlet.functionConfig";

    final String functionPath;
    final String functionClass;
    final List<String> corsOrigins;
    final LogLevel logLevel;
    final String livenessUrl;
    final String readinessUrl;
    final double maxHeapRatio;
    final Duration maxSchedulingDelay;
    final String metricsPath;
    final Map<String, String> metricLabels;

    private FunctionConfig(Settings s) {
        functionPath = path("FUNC_PATH", s.get("FUNC_PATH", "/"));
        functionClass = s.get("FUNC_CLASS");
        corsOrigins = List.of(s.get("FUNC_CORS_ORIGINS", "*").split("\\s*,\\s*"));
        logLevel = s.get("FUNC_LOG_LEVEL") == null ? null : LogLevel.parse(s.get("FUNC_LOG_LEVEL"));
        livenessUrl = s.get("LIVENESS_URL") == null ? null : path("LIVENESS_URL", s.get("LIVENESS_URL"));
        readinessUrl = s.get("READINESS_URL") == null ? null : path("READINESS_URL", s.get("READINESS_URL"));
        maxHeapRatio = heapRatio(s.get("FUNC_MAX_HEAP_RATIO", "0.9"));
        String delay = s.get("FUNC_MAX_SCHEDULING_DELAY", "1s");
        maxSchedulingDelay = isOff(delay) ? null : positive("FUNC_MAX_SCHEDULING_DELAY",
                Units.duration("FUNC_MAX_SCHEDULING_DELAY", delay));
        String metrics = s.get("FUNC_METRICS_PATH", "/metrics");
        metricsPath = isOff(metrics) ? null : path("FUNC_METRICS_PATH", metrics);
        Map<String, String> labels = new LinkedHashMap<>();
        String name = s.get("FAAS_NAME", s.get("K_SERVICE"));
        if (name != null) {
            labels.put("faas_name", name);
        }
        if (s.get("K_REVISION") != null) {
            labels.put("faas_revision", s.get("K_REVISION"));
        }
        metricLabels = Map.copyOf(labels);
    }

    /** The deployment's settings, read on first use and kept in the servlet context. */
    static FunctionConfig of(ServletContext context) {
        Object cached = context.getAttribute(ATTRIBUTE);
        if (cached instanceof FunctionConfig config) {
            return config;
        }
        FunctionConfig config = new FunctionConfig(Settings.fromProcess(context::getInitParameter));
        context.setAttribute(ATTRIBUTE, config);
        return config;
    }

    private static boolean isOff(String value) {
        return value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false") || value.equalsIgnoreCase("none");
    }

    private static String path(String key, String value) {
        if (!value.startsWith("/")) {
            throw new IllegalArgumentException(key + " must be a path starting with '/', not '" + value + "'");
        }
        return value;
    }

    private static double heapRatio(String value) {
        if (isOff(value)) {
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

    private static Duration positive(String key, Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(key + " must be positive, or off");
        }
        return d;
    }
}
