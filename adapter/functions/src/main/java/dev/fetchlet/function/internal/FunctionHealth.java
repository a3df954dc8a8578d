package dev.fetchlet.function.internal;

import dev.fetchlet.function.FetchletFunction;
import dev.fetchlet.function.HealthStatus;
import dev.fetchlet.servlet.HealthCheck;

/** A deployed function as the health probes see it: its own paths and its own answers. */
final class FunctionHealth implements HealthCheck {
    private final FetchletFunction function;

    FunctionHealth(FetchletFunction function) {
        this.function = function;
    }

    @Override
    public String source() {
        return function.getClass().getName();
    }

    @Override
    public String livenessPath() {
        return function.livenessPath();
    }

    @Override
    public String readinessPath() {
        return function.readinessPath();
    }

    @Override
    public Status liveness() throws Exception {
        return status(function.liveness());
    }

    @Override
    public Status readiness() throws Exception {
        return status(function.readiness());
    }

    private static Status status(HealthStatus s) {
        return s == null ? Status.OK : new Status(s.status(), s.message());
    }
}
