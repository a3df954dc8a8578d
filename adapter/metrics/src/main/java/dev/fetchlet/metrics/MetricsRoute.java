package dev.fetchlet.metrics;

import dev.fetchlet.servlet.RequestScope;
import dev.fetchlet.servlet.RouteTarget;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** {@code GET /metrics}: the deployment's metrics in the Prometheus text format, version 0.0.4. */
final class MetricsRoute implements RouteTarget {

    private final RouteMetrics metrics;

    MetricsRoute(RouteMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void serve(RequestScope scope, FilterChain chain) throws IOException {
        HttpServletResponse res = scope.response();
        String method = scope.method();
        if (!scope.readOnlyRequest()) {
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
        metrics.write(body);
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
        return RequestScope.READ_ONLY_METHODS;
    }

    @Override
    public boolean counted() {
        return false;
    }
}
