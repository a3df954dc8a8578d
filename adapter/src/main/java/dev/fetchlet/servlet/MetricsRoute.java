package dev.fetchlet.servlet;

import dev.fetchlet.routing.RouteMatch;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** {@code GET /metrics}: the deployment's metrics in the Prometheus text format, version 0.0.4. */
final class MetricsRoute implements RouteTarget {
    private static final String METHODS = "GET, HEAD, OPTIONS";

    private final RouteMetrics metrics;

    MetricsRoute(RouteMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void serve(HttpServletRequest req, HttpServletResponse res, RouteMatch<RouteTarget> match, FilterChain chain)
            throws IOException {
        String method = req.getMethod().toUpperCase(Locale.ROOT);
        if (method.equals("OPTIONS")) {
            res.setHeader("Allow", METHODS);
            res.setStatus(204);
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            res.setHeader("Allow", METHODS);
            res.setStatus(405);
            res.setContentType("text/plain; charset=UTF-8");
            res.getOutputStream().write((method + " is not allowed here; allowed: " + METHODS)
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
        metrics.write(body, req.getServletContext().getAttribute(RouteMetrics.MODULE_REGISTRY_ATTRIBUTE));
        res.setStatus(200);
        res.setContentType(RouteMetrics.CONTENT_TYPE);
        res.setHeader("Cache-Control", "no-store");
        res.setContentLength(body.size());
        if (!method.equals("HEAD")) {
            body.writeTo(res.getOutputStream());
        }
    }

    @Override
    public String source() {
        return "built-in Prometheus metrics";
    }

    @Override
    public String methods() {
        return METHODS;
    }
}
