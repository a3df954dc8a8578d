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
 * Turns the classes the container found for {@code @HandlesTypes} into handler instances with their routes.
 * Every problem fails the deployment with a message naming the class: nothing is silently dropped.
 */
final class HandlerScanner {
    /** A handler instance and the pattern it declared. */
    record Declaration(String pattern, Object instance, String source) {
    }

    private HandlerScanner() {
    }

    static List<Declaration> scan(Set<Class<?>> classes) {
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
            boolean handler = Handler.class.isAssignableFrom(c) || AsyncHandler.class.isAssignableFrom(c);
            if (route == null) {
                problems.add(c.getName() + " implements a handler interface but has no @Route");
                continue;
            }
            if (!handler) {
                problems.add(c.getName() + " has @Route(\"" + route.value() + "\") but implements neither Handler nor AsyncHandler");
                continue;
            }
            try {
                found.add(new Declaration(route.value(), instantiate(c), c.getName()));
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
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
