package dev.fetchlet.servlet;

import dev.fetchlet.Headers;
import dev.fetchlet.Middleware;
import dev.fetchlet.observe.RequestTelemetry;
import dev.fetchlet.routing.BadPathException;
import dev.fetchlet.routing.RouteMatch;
import dev.fetchlet.routing.RouteTable;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The dispatcher: mapped to {@code /*}, it matches each request against the route table and hands matches to
 * their target. A request no route matches continues down the filter chain to the container's default
 * servlet, which serves static resources or answers 404: a filter, rather than a servlet at {@code /*}, falls
 * through to static content the same way in every container, with no named-dispatcher tricks.
 *
 * <p>Middleware runs in front of whatever a path leads to, a static file or a 404 included, so a path with
 * middleware goes through a {@link RequestScope} even when no route matches it ({@link MiddlewareRun}).
 */
final class FetchletFilter implements Filter {
    private final Deployment deployment;
    private final RouteTable<RouteTarget> routes;

    FetchletFilter(Deployment deployment) {
        this.deployment = deployment;
        this.routes = deployment.routes();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest req) || !(response instanceof HttpServletResponse plain)) {
            chain.doFilter(request, response);
            return;
        }
        // Every request, routed or not, gets its span (and access log line) here; see RequestTelemetry.
        RequestTelemetry telemetry = deployment.observability().start(req, plain);
        Throwable thrown = null;
        try {
            dispatch(req, telemetry.response(), chain, telemetry);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            thrown = e;
            throw e;
        } finally {
            telemetry.leave(req, thrown);
        }
    }

    private void dispatch(HttpServletRequest req, HttpServletResponse res, FilterChain chain,
                          RequestTelemetry telemetry) throws IOException, ServletException {
        Headers headers;
        try {
            // read once: the checks and the handler's view share them
            headers = ServletRequests.headers(req, deployment.config.maxHeaderFields());
        } catch (ServletRequests.TooManyHeaderFields e) {
            res.setHeader("Connection", "close"); // the body, if any, stays unread
            nosniff(res);
            ErrorReply.send(res, 431, e.getMessage(), null);
            return;
        }
        String malformed = MalformedRequests.problem(req, headers);
        if (malformed != null) {
            // The framing is in doubt, so nothing more is read from this connection (RFC 9112 section 11.2).
            res.setHeader("Connection", "close");
            nosniff(res);
            ErrorReply.send(res, 400, malformed, null);
            return;
        }
        String path = ServletRequests.relativePath(req);
        if (!path.startsWith("/")) {
            nosniff(res);
            chain.doFilter(req, res);
            return;
        }
        RouteMatch<RouteTarget> match;
        try {
            match = routes.match(path);
        } catch (BadPathException e) {
            nosniff(res);
            ErrorReply.send(res, 400, e.getMessage(), null);
            return;
        }
        List<Middleware> middleware = deployment.middleware().at(path);
        if (!middleware.isEmpty()) {
            MiddlewareRun.start(req, res, headers, match, deployment, middleware, chain, telemetry); // nosniff goes on its answer
            return;
        }
        nosniff(res);
        if (match == null) {
            chain.doFilter(req, res);
            return;
        }
        new RequestScope(req, res, headers, match, deployment, telemetry).run(match.target(), chain);
    }

    private void nosniff(HttpServletResponse res) {
        if (deployment.middleware().nosniff()) {
            res.setHeader(RequestScope.NOSNIFF_HEADER, "nosniff");
        }
    }

    @Override
    public void destroy() {
        deployment.close();
    }
}
