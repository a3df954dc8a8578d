package dev.fetchlet.servlet;

import dev.fetchlet.function.FetchletFunction;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The functions one deployment serves, whether routed by {@code @Route} or mounted at the function path: the
 * health checks ask them, the lifecycle listener starts and stops them. Kept in the servlet context while the
 * initializer runs, since kinds and contributors only share that.
 */
final class FunctionRegistry {
    private static final String ATTRIBUTE = "dev.fetchlet.functions";

    private final List<FunctionRoute> routes = new ArrayList<>();

    static FunctionRegistry of(ServletContext context) {
        Object existing = context.getAttribute(ATTRIBUTE);
        if (existing instanceof FunctionRegistry registry) {
            return registry;
        }
        FunctionRegistry registry = new FunctionRegistry();
        context.setAttribute(ATTRIBUTE, registry);
        return registry;
    }

    /** Constructs {@code type} and the route serving it. */
    FunctionRoute create(Class<?> type, Deployment deployment, ServletContext context) {
        if (!FetchletFunction.class.isAssignableFrom(type)) {
            throw new IllegalStateException(type.getName() + " is not a function: implement HttpFunction or CloudEventFunction");
        }
        FunctionRoute route = new FunctionRoute((FetchletFunction) HandlerScanner.instantiate(type), deployment,
                FunctionConfig.of(context));
        synchronized (routes) {
            routes.add(route);
        }
        return route;
    }

    List<FunctionRoute> routes() {
        synchronized (routes) {
            return Collections.unmodifiableList(new ArrayList<>(routes));
        }
    }
}
