package dev.fetchlet.mount;

import dev.fetchlet.servlet.Deployment;
import dev.fetchlet.servlet.RouteBinder;
import dev.fetchlet.servlet.RouteTarget;
import jakarta.servlet.Servlet;

/**
 * Servlets mounted at a catch-all route: Jersey's {@code ServletContainer}, Spring's {@code DispatcherServlet}, any
 * {@link Servlet}. Constructed at deploy (a missing constructor fails the deployment), initialized with its
 * {@code @InitParam}s on its first request or at deploy ({@link MountStart}), destroyed when the web app stops.
 */
final class ServletMountBinder implements RouteBinder {
    @Override
    public boolean accepts(Class<?> type) {
        return Servlet.class.isAssignableFrom(type);
    }

    @Override
    public String describe() {
        return "Servlet (a mounted app)";
    }

    @Override
    public RouteTarget bind(Class<?> type, String pattern, Deployment.Builder deployment) {
        MountRoute.checkPattern(type, pattern);
        Servlet servlet = (Servlet) deployment.instantiate(type);
        return MountRoute.start(() -> servlet, "servlet", type, pattern, MountConfig.initParams(type), deployment);
    }
}
