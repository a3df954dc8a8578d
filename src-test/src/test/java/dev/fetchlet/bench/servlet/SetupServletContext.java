package dev.fetchlet.bench.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A servlet context for deploying an initializer outside a container, at benchmark setup only (a dynamic
 * proxy allocates on every call, which is harmless there and nowhere else). It keeps attributes, answers the
 * context path {@code ""} and no init parameters, and records the filters added, in order, as a container
 * would chain them for {@code /*}.
 *
 * <pre>{@code
 * SetupServletContext context = new SetupServletContext();
 * new FetchletInitializer().onStartup(Set.of(Hello.class), context.servletContext());
 * List<Filter> chain = context.filters();
 * }</pre>
 */
public final class SetupServletContext {
    private final Map<String, Object> attributes = new HashMap<>();
    private final List<Filter> filters = new ArrayList<>();
    private final List<Object> listeners = new ArrayList<>();
    private final ServletContext proxy;

    public SetupServletContext() {
        proxy = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class}, (self, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "getContextPath" -> "";
                    case "getInitParameter" -> null;
                    case "getInitParameterNames" -> Collections.emptyEnumeration();
                    case "addListener" -> listeners.add(args[0]);
                    case "addFilter" -> addFilter((Filter) args[1]);
                    case "getServletContextName", "getVirtualServerName" -> "bench";
                    case "getClassLoader" -> SetupServletContext.class.getClassLoader();
                    case "log" -> null;
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    case "toString" -> "SetupServletContext";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private FilterRegistration.Dynamic addFilter(Filter filter) {
        filters.add(filter);
        // Mappings and flags are ignored: every filter added is chained for every request.
        return (FilterRegistration.Dynamic) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {FilterRegistration.Dynamic.class}, (self, method, args) -> null);
    }

    public ServletContext servletContext() {
        return proxy;
    }

    /** The filters added so far, in the order they were added. */
    public List<Filter> filters() {
        return filters;
    }

    /** The listeners added so far ({@code ServletContextListener}s and others). */
    public List<Object> listeners() {
        return listeners;
    }
}
