package dev.fetchlet.function.internal;

import dev.fetchlet.Route;
import dev.fetchlet.function.FetchletFunction;
import dev.fetchlet.config.Settings;
import dev.fetchlet.servlet.Deployment;
import dev.fetchlet.servlet.Feature;
import dev.fetchlet.servlet.RouteBinder;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knative-style functions and CloudEvents: binds function classes with a {@code @Route}, serves a function class
 * without {@code @Route} at the function path ({@code /}, or {@code FUNC_PATH}), as the
 * Knative runtime serves its one function. Several such classes need {@code FUNC_CLASS} to pick one, or a
 * {@code @Route} each: guessing would make the served function depend on the scan. Also installs the lifecycle
 * listener that runs {@code init()} and {@code shutdown()}, and adds every function's health checks. One
 * instance per deployment (see {@link Feature}), holding that deployment's functions.
 */
public final class FunctionFeature implements Feature {
    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet");

    private final List<FunctionRoute> routes = new ArrayList<>();
    private FunctionConfig config;

    @Override
    public List<RouteBinder> binders() {
        return List.of(new FunctionBinder(this));
    }

    @Override
    public void contribute(Deployment.Builder deployment) {
        FunctionConfig config = config(deployment.settings());
        List<Class<?>> unrouted = unroutedFunctions(deployment.classes());
        Class<?> chosen = choose(unrouted, config.functionClass);
        if (chosen != null) {
            deployment.route(config.functionPath, serve(chosen, deployment), chosen.getName());
        }
        for (FunctionRoute route : routes) {
            deployment.healthCheck(new FunctionHealth(route.function()));
        }
        deployment.servletContext().addListener(new FunctionLifecycle(routes, config, deployment.config().timeout()));
    }

    /** Constructs {@code type} and the route serving it. */
    FunctionRoute serve(Class<?> type, Deployment.Builder deployment) {
        if (!FetchletFunction.class.isAssignableFrom(type)) {
            throw new IllegalStateException(type.getName() + " is not a function: implement HttpFunction or CloudEventFunction");
        }
        FunctionRoute route = new FunctionRoute((FetchletFunction) deployment.instantiate(type),
                config(deployment.settings()));
        routes.add(route);
        return route;
    }

    private FunctionConfig config(Settings settings) {
        if (config == null) {
            config = new FunctionConfig(settings);
        }
        return config;
    }

    private static Class<?> choose(List<Class<?>> unrouted, String wanted) {
        List<String> names = unrouted.stream().map(Class::getName).toList();
        if (wanted != null) {
            Class<?> match = unrouted.stream()
                    .filter(c -> c.getName().equals(wanted) || c.getSimpleName().equals(wanted))
                    .findFirst().orElse(null);
            if (match == null) {
                throw new IllegalStateException("FUNC_CLASS is " + wanted + ", but no function class without @Route "
                        + "has that name; found: " + (names.isEmpty() ? "none" : String.join(", ", names)));
            }
            if (unrouted.size() > 1) {
                LOG.info("Serving {} (FUNC_CLASS); not serving the other function classes without @Route: {}",
                        match.getName(), names.stream().filter(n -> !n.equals(match.getName())).toList());
            }
            return match;
        }
        if (unrouted.size() > 1) {
            throw new IllegalStateException("Several function classes have no @Route: " + String.join(", ", names)
                    + ". Give each a @Route, or choose the one to serve with FUNC_CLASS");
        }
        return unrouted.isEmpty() ? null : unrouted.get(0);
    }

    private static List<Class<?>> unroutedFunctions(Set<Class<?>> classes) {
        List<Class<?>> found = new ArrayList<>();
        if (classes == null) {
            return found;
        }
        for (Class<?> c : classes) {
            if (FetchletFunction.class.isAssignableFrom(c) && c.getAnnotation(Route.class) == null && isConcrete(c)) {
                found.add(c);
            }
        }
        found.sort(Comparator.comparing(Class::getName));
        return found;
    }

    private static boolean isConcrete(Class<?> c) {
        return !c.isInterface() && !Modifier.isAbstract(c.getModifiers()) && !c.isAnonymousClass() && !c.isLocalClass()
                && !(c.isMemberClass() && !Modifier.isStatic(c.getModifiers()));
    }
}
