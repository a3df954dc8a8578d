package dev.fetchlet.servlet;

import dev.fetchlet.AsyncHandler;
import dev.fetchlet.Handler;
import dev.fetchlet.Route;
import dev.fetchlet.routing.InvalidRouteException;
import dev.fetchlet.routing.SourceRoutes;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Sorts the classes the container found for {@code @HandlesTypes} into routes: each concrete {@code @Route} class
 * with the {@link RouteBinder} that takes it, and each handler without one at the route of its source file
 * ({@link SourceRoutes}). Every problem fails the deployment with a message naming the class:
 * nothing is silently dropped.
 */
final class HandlerScanner {
    /** A {@code @Route} class, its pattern and the binder that will serve it. */
    record Declaration(String pattern, Class<?> type, RouteBinder binder) {
    }

    private HandlerScanner() {
    }

    static List<Declaration> scan(Set<Class<?>> classes, List<RouteBinder> binders) {
        return scan(classes, binders, new SourceRoutes(SourceRoutes.DEFAULT_PACKAGE));
    }

    /** Like {@link #scan(Set, List)}; a handler without {@code @Route} takes its route from its source file. */
    static List<Declaration> scan(Set<Class<?>> classes, List<RouteBinder> binders, SourceRoutes sourceRoutes) {
        List<Declaration> found = new ArrayList<>();
        if (classes == null) {
            return found;
        }
        List<Class<?>> sorted = new ArrayList<>(classes);
        sorted.sort(Comparator.comparing(Class::getName)); // deterministic messages whatever the scan order
        List<String> problems = new ArrayList<>();
        for (Class<?> c : sorted) {
            if (!isCandidate(c)) {
                continue;
            }
            Route route = c.getAnnotation(Route.class);
            String pattern = route == null ? null : route.value();
            if (route == null) {
                if (!Handler.class.isAssignableFrom(c) && !AsyncHandler.class.isAssignableFrom(c)) {
                    continue;
                }
                try {
                    pattern = sourceRoutes.routeOf(c); // file-routed: functions/api/users/[id].java
                } catch (InvalidRouteException e) {
                    problems.add(e.getMessage());
                    continue;
                }
            }
            RouteBinder binder = binders.stream().filter(k -> k.accepts(c)).findFirst().orElse(null);
            if (binder == null) {
                List<String> names = binders.stream().map(RouteBinder::describe).toList();
                problems.add(c.getName() + " has @Route(\"" + pattern + "\") but is none of: "
                        + String.join(", ", names));
                continue;
            }
            found.add(new Declaration(pattern, c, binder));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        return found;
    }

    // Interfaces, abstract bases, anonymous and local classes cannot be routes themselves.
    private static boolean isCandidate(Class<?> c) {
        return !c.isInterface() && !c.isAnnotation() && !c.isEnum() && !Modifier.isAbstract(c.getModifiers())
                && !c.isAnonymousClass() && !c.isLocalClass()
                && !(c.isMemberClass() && !Modifier.isStatic(c.getModifiers()));
    }

    /** A new instance through the no-argument constructor, accessible or not. */
    static Object instantiate(Class<?> c) {
        try {
            Constructor<?> ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true); // file-named handlers are package-private classes
            return ctor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(c.getName() + " needs a constructor without parameters");
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(c.getName() + " failed in its constructor: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(c.getName() + " cannot be constructed: " + e, e);
        }
    }
}
