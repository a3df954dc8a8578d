package dev.fetchlet.servlet;

import dev.fetchlet.Route;
import dev.fetchlet.function.FetchletFunction;
import dev.fetchlet.routing.RouteTable;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a function class without {@code @Route} at the function path ({@code /}, or {@code FUNC_PATH}), as the
 * Knative runtime serves its one function. Several such classes need {@code FUNC_CLASS} to pick one, or a
 * {@code @Route} each: guessing would make the served function depend on the scan. Also installs the lifecycle
 * listener that runs {@code init()} and {@code shutdown()}.
 */
final class FunctionContributor implements RouteContributor {
    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet");

    @Override
    public void contribute(Set<Class<?>> classes, Deployment deployment, ServletContext context,
                           RouteTable.Builder<RouteTarget> routes) {
        FunctionConfig config = FunctionConfig.of(context);
        FunctionRegistry registry = FunctionRegistry.of(context);
        List<Class<?>> unrouted = unroutedFunctions(classes);
        Class<?> chosen = choose(unrouted, config.functionClass);
        if (chosen != null) {
            routes.add(config.functionPath, registry.create(chosen, deployment, context), chosen.getName());
        }
        context.addListener(new FunctionLifecycle(registry, config, deployment.config.timeout()));
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
