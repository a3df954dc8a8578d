package dev.fetchlet.launcher.testapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;

/**
 * A miniature of Fetchlet's initializer: registers every {@link Mount}ed servlet the container found, publishes
 * the route listing, and reports the app's shutdown on standard output.
 */
@jakarta.servlet.annotation.HandlesTypes(Mount.class)
public class MountInitializer implements ServletContainerInitializer {

    public static final String ROUTE_LISTING_ATTRIBUTE = "dev.fetchlet.routeListing";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        List<String> routes = new ArrayList<>();
        for (Class<?> type : classes == null ? Set.<Class<?>>of() : classes) {
            Mount mount = type.getAnnotation(Mount.class);
            if (mount == null || !HttpServlet.class.isAssignableFrom(type)) {
                continue;
            }
            ServletRegistration.Dynamic registration =
                context.addServlet(type.getSimpleName(), type.asSubclass(HttpServlet.class));
            registration.addMapping(mount.value());
            registration.setAsyncSupported(true);
            routes.add(mount.value() + " -> " + type.getSimpleName());
        }
        routes.sort(null);
        context.setAttribute(ROUTE_LISTING_ATTRIBUTE, List.copyOf(routes));
        context.addListener(new ServletContextListener() {
            @Override
            public void contextDestroyed(ServletContextEvent event) {
                System.out.println("context destroyed");
                System.out.flush();
            }
        });
    }
}
