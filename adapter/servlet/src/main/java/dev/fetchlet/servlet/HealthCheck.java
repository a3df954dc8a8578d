package dev.fetchlet.servlet;

/**
 * Something a liveness or readiness probe asks, such as a deployed function. A feature adds its checks with
 * {@link Deployment.Builder#healthCheck}; the health feature serves them.
 *
 * <pre>{@code
 * deployment.healthCheck(new HealthCheck() {
 *     public String source() { return "database pool"; }
 *     public Status readiness() { return pool.isOpen() ? Status.OK : new Status(503, "pool closed"); }
 * });
 * }</pre>
 */
public interface HealthCheck {
    /** A probe's answer: the status code and its plain-text message. Healthy below 400. */
    record Status(int status, String message) {
        public static final Status OK = new Status(200, "OK");

        public Status {
            message = message == null ? "" : message;
        }

        public boolean healthy() {
            return status < 400;
        }
    }

    /** What is checked, for logs. */
    String source();

    /** The path this check wants its liveness answered at; null for the default. */
    default String livenessPath() {
        return null;
    }

    /** The path this check wants its readiness answered at; null for the default. */
    default String readinessPath() {
        return null;
    }

    default Status liveness() throws Exception {
        return Status.OK;
    }

    default Status readiness() throws Exception {
        return Status.OK;
    }
}
