package dev.fetchlet.servlet;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Times every request ahead of the dispatcher and, once its answer is complete (at the end of the servlet
 * call, or of the async cycle), records it under the route pattern the target tagged it with.
 */
final class MetricsFilter implements Filter {
    private final RouteMetrics metrics;

    MetricsFilter(RouteMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse res)) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            record(req, 500, start);
            throw e;
        }
        if (req.isAsyncStarted()) {
            req.getAsyncContext().addListener(new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                    record(req, res.getStatus(), start);
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                }

                @Override
                public void onError(AsyncEvent event) {
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                }
            });
        } else {
            record(req, res.getStatus(), start);
        }
    }

    private void record(HttpServletRequest req, int status, long start) {
        Object route = req.getAttribute(RouteMetrics.ROUTE_ATTRIBUTE);
        if (route != null) {
            metrics.record(route.toString(), req.getMethod().toUpperCase(Locale.ROOT), status, System.nanoTime() - start);
        }
    }
}
