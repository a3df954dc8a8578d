package dev.fetchlet.servlet.middleware;

import dev.fetchlet.Middleware;
import dev.fetchlet.MiddlewarePath;
import dev.fetchlet.routing.ClassFileSourceName;
import dev.fetchlet.routing.Folders;
import dev.fetchlet.routing.InvalidRouteException;
import dev.fetchlet.routing.SourceRoutes;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds the middleware among the classes the container handed the initializer: each top-level class of a file
 * named {@value #FILE_NAME} (its folder from its package, as {@link SourceRoutes} reads it), and each class
 * annotated {@link MiddlewarePath}. Any other {@link Middleware} (a building block, a built-in) is left alone.
 * A problem fails the deployment with a message naming the class.
 */
public final class MiddlewareScanner {
    /** The source file name that makes a class the middleware of its folder. */
    public static final String FILE_NAME = "_middleware.java";

    /** A middleware class and where it runs. */
    public record Declaration(String folder, Class<? extends Middleware> type, MiddlewareTable.Kind kind, int order) {
    }

    private MiddlewareScanner() {
    }

    public static List<Declaration> scan(Set<Class<?>> classes, SourceRoutes sourceRoutes) {
        List<Declaration> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Class<?>> sorted = new ArrayList<>(classes);
        sorted.sort(Comparator.comparing(Class::getName));
        for (Class<?> c : sorted) {
            MiddlewarePath path = c.getAnnotation(MiddlewarePath.class);
            boolean isMiddleware = Middleware.class.isAssignableFrom(c);
            if (path != null && !isMiddleware) {
                problems.add(c.getName() + " has @MiddlewarePath but does not implement " + Middleware.class.getName());
                continue;
            }
            if (!isMiddleware || c.isInterface() || Modifier.isAbstract(c.getModifiers()) || c.isAnonymousClass()
                    || c.isLocalClass()) {
                continue;
            }
            Class<? extends Middleware> type = c.asSubclass(Middleware.class);
            try {
                if (path != null) {
                    found.add(new Declaration(Folders.normalize(path.value()), type, MiddlewareTable.Kind.ANNOTATED,
                            path.order()));
                } else if (c.getEnclosingClass() == null && FILE_NAME.equals(sourceFile(c))) {
                    found.add(new Declaration(sourceRoutes.folderOf(c.getPackageName()), type,
                            MiddlewareTable.Kind.FILE, 0));
                }
            } catch (InvalidRouteException e) {
                problems.add(c.getName() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        return found;
    }

    private static String sourceFile(Class<?> c) {
        try {
            return ClassFileSourceName.of(c);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
