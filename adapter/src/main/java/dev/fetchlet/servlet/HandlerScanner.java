package dev.fetchlet.servlet;

import dev.fetchlet.AsyncHandler;
import dev.fetchlet.Handler;
import dev.fetchlet.Route;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Sorts the classes the container found for {@code @HandlesTypes} into routes: each concrete {@code @Route} class
 * with the {@link RouteKind} that takes it. Every problem fails the deployment with a message naming the class:
 * nothing is silently dropped.
 */
final class HandlerScanner {
    /** A {@code @Route} class, its pattern and the kind that will serve it. */
    record Declaration(String pattern, Class<?> type, RouteKind kind) {
    }

    private HandlerScanner() {
    }

    static List<Declaration> scan(Set<Class<?>> classes, List<RouteKind> kinds) {
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
            if (route == null) {
                if (Handler.class.isAssignableFrom(c) || AsyncHandler.class.isAssignableFrom(c)) {
                    problems.add(c.getName() + " implements a handler interface but has no @Route");
                }
                continue;
            }
            RouteKind kind = kinds.stream().filter(k -> k.accepts(c)).findFirst().orElse(null);
            if (kind == null) {
                List<String> names = kinds.stream().map(RouteKind::describe).toList();
                problems.add(c.getName() + " has @Route(\"" + route.value() + "\") but is none of: "
                        + String.join(", ", names));
                continue;
            }
            found.add(new Declaration(route.value(), c, kind));
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
