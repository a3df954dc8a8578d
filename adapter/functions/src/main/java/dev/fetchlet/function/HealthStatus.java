package dev.fetchlet.function;

/**
 * The answer of a health check: an HTTP status and a short {@code text/plain} message. Kubernetes counts any
 * 2xx or 3xx as healthy.
 *
 * <pre>{@code
 * @Override
 * public HealthStatus readiness() {
 *     return cache.isWarm() ? HealthStatus.ok() : HealthStatus.unavailable("cache warming up");
 * }
 * }</pre>
 *
 * @param status  the HTTP status, 100 to 599
 * @param message the body, sent as {@code text/plain}
 */
public record HealthStatus(int status, String message) {
    private static final HealthStatus OK = new HealthStatus(200, "OK");

    public HealthStatus {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be within 100..599, not " + status);
        }
        message = message == null ? "" : message;
    }

    /** 200 {@code OK}. */
    public static HealthStatus ok() {
        return OK;
    }

    /** 200 with a message of your own. */
    public static HealthStatus ok(String message) {
        return new HealthStatus(200, message);
    }

    /** 503 with the reason, for a check that fails. */
    public static HealthStatus unavailable(String reason) {
        return new HealthStatus(503, reason);
    }

    /** Whether the status counts as healthy (below 400). */
    public boolean healthy() {
        return status < 400;
    }
}
