package dev.fetchlet.javalin;

import dev.fetchlet.InitParam;
import dev.fetchlet.mount.MountRoute;
import dev.fetchlet.servlet.Deployment;
import dev.fetchlet.servlet.RouteBinder;
import dev.fetchlet.servlet.RouteTarget;
import jakarta.servlet.Servlet;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Javalin apps ({@link JavalinApp}) mounted at a catch-all route. Javalin is optional: this class only names
 * {@link JavalinApp}, which loads without Javalin, and touches Javalin's own classes through {@link JavalinMount}
 * once it knows they are there. Without Javalin, a {@code JavalinApp} class fails the deployment with a message
 * saying what to add.
 */
final class JavalinMountBinder implements RouteBinder {
    private static final String JAVALIN_CLASS = "io.javalin.Javalin";

    @Override
    public boolean accepts(Class<?> type) {
        return JavalinApp.class.isAssignableFrom(type);
    }

    @Override
    public String describe() {
        return "JavalinApp (a mounted Javalin app)";
    }

    @Override
    public RouteTarget bind(Class<?> type, String pattern, Deployment.Builder deployment) {
        if (!javalinPresent()) {
            throw new IllegalStateException(type.getName() + " is a JavalinApp, but Javalin is not on the classpath: "
                    + "add the dependency io.javalin:javalin (7.2)");
        }
        if (type.getAnnotationsByType(InitParam.class).length > 0) {
            throw new IllegalStateException(type.getName() + " is a JavalinApp with @InitParam: init parameters are "
                    + "for mounted servlets; configure a Javalin app in configure()");
        }
        MountRoute.checkPattern(type, pattern);
        JavalinApp app = (JavalinApp) deployment.instantiate(type);
        // Javalin.create and configure() run when the app starts (on its first request unless FUNC_MOUNT_START=eager).
        Supplier<Servlet> servlet = () -> {
            try {
                return JavalinMount.of(app);
            } catch (RuntimeException | LinkageError e) {
                throw new IllegalStateException(type.getName() + " failed configuring its Javalin app: " + e, e);
            }
        };
        return MountRoute.start(servlet, "Javalin app", type, pattern, Map.of(), deployment);
    }

    // Asked of this class's own loader: the one that will link JavalinMount to Javalin.
    private static boolean javalinPresent() {
        try {
            Class.forName(JAVALIN_CLASS, false, JavalinMountBinder.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
