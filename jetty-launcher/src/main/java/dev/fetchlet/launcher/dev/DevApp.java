package dev.fetchlet.launcher.dev;

import dev.fetchlet.AsyncHandler;
import dev.fetchlet.Handler;
import dev.fetchlet.Route;
import dev.fetchlet.launcher.ShortErrors;
import dev.fetchlet.routing.InvalidRouteException;
import dev.fetchlet.routing.RoutePattern;
import dev.fetchlet.routing.SourceRoutes;
import dev.fetchlet.servlet.FetchletInitializer;
import jakarta.servlet.annotation.HandlesTypes;
import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One build of the folder as a web app: a servlet context over a fresh class loader, set up as a WAR is.
 * Fetchlet's initializer gets the classes a container's scan would hand it (those {@code @HandlesTypes} names),
 * so routing, precedence and deployment errors are the WAR's; unmatched paths fall through to the static
 * folder, then 404. The app runs in development mode ({@code FUNC_DEV=true}) with the folder's {@code .env}.
 */
final class DevApp {
    private static final Logger LOG = LoggerFactory.getLogger(DevApp.class);

    private DevApp() {
    }

    /** A context, not yet started, serving the classes of {@code loader}. */
    static ServletContextHandler create(SourceFolder folder, MemoryClassLoader loader, String name) {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.setDisplayName(name);
        context.setClassLoader(loader);
        // Lowest-priority settings, as a WAR's context parameters: a system property or environment variable wins.
        context.setInitParameter("FUNC_DEV", "true");
        context.setInitParameter("FUNC_ENV_FILE", folder.envFile().toString());
        context.setWelcomeFiles(new String[] {"index.html"});
        ShortErrors.install(context); // the static files' 404 and 403 as the launcher answers them
        if (Files.isDirectory(folder.staticFolder())) {
            context.setBaseResourceAsPath(folder.staticFolder());
            ServletHolder files = context.addServlet(DefaultServlet.class, "/");
            files.setInitParameter("dirAllowed", "false");
            // Edited files must show at once: nothing cached here, browsers revalidate.
            files.setInitParameter("maxCacheSize", "0");
            files.setInitParameter("cacheControl", "no-cache");
            files.setInitParameter("useFileMappedBuffer", "false");
        }
        JakartaWebSocketServletContainerInitializer.configure(context, null);
        Class<?>[] classes = handlesTypes(loader).toArray(Class<?>[]::new);
        context.addServletContainerInitializer(new FetchletInitializer(), classes);
        return context;
    }

    /** The classes of {@code loader} the initializer asks for: annotated with, or subtypes of, its @HandlesTypes. */
    static Set<Class<?>> handlesTypes(MemoryClassLoader loader) {
        Class<?>[] wanted = FetchletInitializer.class.getAnnotation(HandlesTypes.class).value();
        Set<Class<?>> found = new LinkedHashSet<>();
        for (Class<?> c : load(loader)) {
            for (Class<?> type : wanted) {
                boolean matches = type.isAnnotation()
                        ? c.isAnnotationPresent(type.asSubclass(Annotation.class))
                        : type.isAssignableFrom(c) && !type.equals(c);
                if (matches) {
                    found.add(c);
                    break;
                }
            }
        }
        return found;
    }

    /**
     * The shapes of the routes the compiled handlers of {@code loader} will serve ({@link CompileErrorRoutes#shape}),
     * as far as they can be told before deployment.
     */
    static Set<String> servedShapes(MemoryClassLoader loader, SourceRoutes sourceRoutes) {
        Set<String> shapes = new LinkedHashSet<>();
        for (Class<?> c : load(loader)) {
            try {
                Route route = c.getAnnotation(Route.class);
                if (route != null) {
                    shapes.add(CompileErrorRoutes.shape(RoutePattern.parse(route.value()).pattern()));
                } else if (isFileRoutedHandler(c)) {
                    shapes.add(CompileErrorRoutes.shape(sourceRoutes.routeOf(c)));
                }
            } catch (InvalidRouteException e) {
                // the deployment reports it
            }
        }
        return shapes;
    }

    private static boolean isFileRoutedHandler(Class<?> c) {
        return (Handler.class.isAssignableFrom(c) || AsyncHandler.class.isAssignableFrom(c))
                && !c.isInterface() && !Modifier.isAbstract(c.getModifiers()) && c.getEnclosingClass() == null;
    }

    private static List<Class<?>> load(MemoryClassLoader loader) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : loader.classNames()) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.warn("Cannot load {}: {}", name, e.toString());
            }
        }
        return classes;
    }
}
