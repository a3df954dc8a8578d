package dev.fetchlet.health;

import dev.fetchlet.servlet.HealthCheck;
import dev.fetchlet.servlet.HealthCheck.Status;
import dev.fetchlet.servlet.RequestScope;
import dev.fetchlet.servlet.RouteTarget;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A liveness or readiness probe. Overload answers 503 with {@code Retry-After: 1} and the reason, whatever the
 * checks say; so does readiness once the server is stopping (see {@link #STOPPING_ATTRIBUTE}), so that a load
 * balancer takes the instance out while its in-flight requests drain. Otherwise the first {@link HealthCheck} that is
 * not healthy answers, else the first check's answer, else 200 {@code OK}. Plain text, never cached.
 */
final class HealthRoute implements RouteTarget {
    /**
     * Servlet context attribute that a container or launcher sets to {@link Boolean#TRUE} when its stop begins
     * (Fetchlet's Jetty launcher does). A JDK type, so it crosses the WAR's class loader; the servlet lifecycle has
     * no earlier signal than {@code contextDestroyed}, which comes after the drain.
     */
    static final String STOPPING_ATTRIBUTE = "dev.fetchlet.stopping";

    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet");

    enum Probe { LIVENESS, READINESS }

    private final Probe probe;
    private final List<HealthCheck> checks;
    private final OverloadMonitor monitor;

    HealthRoute(Probe probe, List<HealthCheck> checks, OverloadMonitor monitor) {
        this.probe = probe;
        this.checks = List.copyOf(checks);
        this.monitor = monitor;
    }

    @Override
    public void serve(RequestScope scope, FilterChain chain) throws IOException {
        HttpServletRequest req = scope.request();
        HttpServletResponse res = scope.response();
        String method = scope.method();
        if (!scope.readOnlyRequest()) {
            return;
        }
        String pressure = monitor.pressure();
        if (pressure != null) {
            res.setHeader("Retry-After", "1");
            write(res, unavailable(pressure), method.equals("HEAD"));
            return;
        }
        if (probe == Probe.READINESS && Boolean.TRUE.equals(req.getServletContext().getAttribute(STOPPING_ATTRIBUTE))) {
            write(res, unavailable("Stopping: finishing the requests under way"), method.equals("HEAD"));
            return;
        }
        write(res, status(), method.equals("HEAD"));
    }

    private Status status() {
        Status first = null;
        for (HealthCheck c : checks) {
            Status s;
            try {
                s = probe == Probe.LIVENESS ? c.liveness() : c.readiness();
            } catch (Exception | LinkageError e) {
                LOG.warn("The {} check of {} failed", name(), c.source(), e);
                return unavailable("The " + name() + " check failed");
            }
            if (s == null) {
                s = Status.OK;
            }
            if (!s.healthy()) {
                return s;
            }
            if (first == null) {
                first = s;
            }
        }
        return first != null ? first : Status.OK;
    }

    private static Status unavailable(String reason) {
        return new Status(503, reason);
    }

    private static void write(HttpServletResponse res, Status status, boolean omitBody) throws IOException {
        byte[] body = status.message().getBytes(StandardCharsets.UTF_8);
        res.setStatus(status.status());
        res.setContentType("text/plain; charset=UTF-8");
        res.setHeader("Cache-Control", "no-store");
        res.setContentLength(body.length);
        if (!omitBody) {
            res.getOutputStream().write(body);
        }
    }

    private String name() {
        return probe.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String source() {
        return "built-in " + name() + " check";
    }

    @Override
    public String methods() {
        return RequestScope.READ_ONLY_METHODS;
    }

    @Override
    public boolean counted() {
        return false;
    }
}
