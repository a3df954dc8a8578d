package dev.fetchlet.servlet;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;

/**
 * Servlets mounted at a catch-all route: Jersey's {@code ServletContainer}, Spring's {@code DispatcherServlet}, any
 * {@link Servlet}. Constructed once, initialized at deploy with its {@code @InitParam}s, destroyed when the web app
 * stops.
 */
final class ServletMountKind implements RouteKind {
    @Override
    public boolean accepts(Class<?> type) {
        return Servlet.class.isAssignableFrom(type);
    }

    @Override
    public String describe() {
        return "Servlet (a mounted app)";
    }

    @Override
    public RouteTarget create(Class<?> type, String pattern, Deployment deployment, ServletContext context) {
        MountRoute.checkPattern(type, pattern);
        Servlet servlet = (Servlet) HandlerScanner.instantiate(type);
        return MountRoute.start(servlet, "servlet", type, pattern, MountConfig.initParams(type), deployment, context);
    }
}
