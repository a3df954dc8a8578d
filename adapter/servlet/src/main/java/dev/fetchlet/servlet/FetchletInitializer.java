package dev.fetchlet.servlet;

import dev.fetchlet.AsyncHandler;
import dev.fetchlet.Deployable;
import dev.fetchlet.Handler;
import dev.fetchlet.Middleware;
import dev.fetchlet.MiddlewarePath;
import dev.fetchlet.Route;
import dev.fetchlet.config.FetchletConfig;
import dev.fetchlet.config.Settings;
import dev.fetchlet.routing.SourceRoutes;
import dev.fetchlet.servlet.middleware.BuiltInMiddleware;
import dev.fetchlet.servlet.middleware.MiddlewareScanner;
import dev.fetchlet.servlet.middleware.MiddlewareTable;
import dev.fetchlet.websocket.RegisteredEndpointUpgrade;
import dev.fetchlet.websocket.WebSocketSupport;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys Fetchlet into a web app: the container hands it every {@code @Route} class and handler
 * implementation it found; it loads the {@link Feature}s, builds the one immutable {@link Deployment} (routes,
 * observers, settings) and installs the dispatcher with it. Discovered through
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}, so a WAR needs no {@code web.xml}.
 *
 * <p>Any problem (a malformed or duplicate route, a class that cannot be constructed, a bad setting) throws,
 * which fails the deployment with one message naming the classes involved.
 *
 * <p>{@code @HandlesTypes} names only API types: a feature whose classes are found by their type alone (a
 * function without {@code @Route}) gives them a subtype of {@link Deployable}, since a container hands over the
 * subtypes of what is named, and picks its own out of {@link Deployment.Builder#classes()}. The core so names no
 * type of a module the WAR may not carry.
 */
@HandlesTypes({Route.class, Handler.class, AsyncHandler.class, Deployable.class, Middleware.class,
        MiddlewarePath.class})
public final class FetchletInitializer implements ServletContainerInitializer {
    /** Servlet context attribute holding the route listing ({@code List<String>}), one line per route. */
    public static final String ROUTE_LISTING_ATTRIBUTE = Deployment.ROUTE_LISTING_ATTRIBUTE;

    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet");

    @Override
    public void onStartup(Set<Class<?>> found, ServletContext servletContext) throws ServletException {
        Set<Class<?>> classes = withoutOwn(found);
        if ((classes == null || classes.isEmpty()) && getClass().getClassLoader() != servletContext.getClassLoader()) {
            // A copy on the server's own classpath (the launcher bundles one) in an app with no Fetchlet class of
            // its own, such as a plain servlet WAR: leave the app as it is.
            LOG.debug("No Fetchlet classes in '{}': not deployed", servletContext.getContextPath());
            return;
        }
        try {
            Settings settings = Settings.fromProcess(servletContext::getInitParameter);
            FetchletConfig config = FetchletConfig.load(settings);
            Map<String, String> env = Environment.build(settings.environment(),
                    Collections.list(servletContext.getInitParameterNames()), servletContext::getInitParameter,
                    config.devMode() ? Path.of(settings.get("FUNC_ENV_FILE", ".env")) : null);

            Deployment deployment = build(new Deployment.Builder(classes, servletContext, settings, config, env),
                    features(servletContext.getClassLoader()));

            FilterRegistration.Dynamic filter = servletContext.addFilter("fetchlet", new FetchletFilter(deployment));
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");

            deployment.publishListing();
            List<String> listing = deployment.listing();
            // Tyrus (GlassFish, Payara) upgrades only to endpoints registered at deployment. Asked first: a
            // container without the WebSocket API still serves every HTTP route.
            if (WebSocketSupport.isAvailable(servletContext.getClassLoader())) {
                servletContext.addListener(RegisteredEndpointUpgrade.registration(config.webSocketIdleTimeout()));
            }
            // One event per route: log layouts escape line breaks inside a message, so a multi-line table
            // would come out as one long line.
            LOG.info("Fetchlet deployed {} route(s) at '{}'", listing.size(), servletContext.getContextPath());
            for (String route : listing) {
                LOG.info("  {}", route);
            }
            for (String middleware : deployment.middleware().listing()) {
                LOG.info("  middleware {}", middleware);
            }
        } catch (Exception e) {
            LOG.error("Fetchlet deployment failed: {}", e.getMessage());
            throw new ServletException("Fetchlet deployment failed: " + e.getMessage(), e);
        }
    }

    /**
     * The classes the container found, less Fetchlet's own: the built-in middleware implement
     * {@link Middleware}, so a scan that reaches the adapter's jar hands them over too, and they must not make a
     * plain servlet app look like a Fetchlet one.
     */
    static Set<Class<?>> withoutOwn(Set<Class<?>> classes) {
        if (classes == null || classes.isEmpty()) {
            return classes;
        }
        java.net.URL own = location(FetchletInitializer.class);
        Set<Class<?>> kept = new java.util.LinkedHashSet<>();
        for (Class<?> c : classes) {
            java.net.URL at = location(c);
            if (own == null || at == null || !own.equals(at)) {
                kept.add(c);
            }
        }
        return kept;
    }

    private static java.net.URL location(Class<?> c) {
        java.security.CodeSource source = c.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }

    /** The features on the web app's class path, in contribution order. */
    static List<Feature> features(ClassLoader loader) {
        List<Feature> found = new ArrayList<>();
        Iterator<Feature> it = ServiceLoader.load(Feature.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                // A feature of another copy of Fetchlet (server and WAR class paths both hold one): not this one's.
                LOG.debug("Feature not loaded: {}", e.toString());
            }
        }
        found.sort(Comparator.comparingInt(Feature::order));
        return found;
    }

    static Deployment build(Deployment.Builder builder, List<Feature> features) throws Exception {
        try {
            bindRoutes(builder, features);
            addMiddleware(builder);
            for (Feature f : features) {
                f.contribute(builder);
            }
            return builder.build();
        } catch (Exception | LinkageError e) {
            builder.abandon(e);
            throw e;
        }
    }

    // The built-in middleware the settings turn on, then the app's: _middleware.java files and @MiddlewarePath.
    private static void addMiddleware(Deployment.Builder builder) throws Exception {
        BuiltInMiddleware.configure(builder.settings(), builder.middleware());
        SourceRoutes sourceRoutes = new SourceRoutes(builder.settings()
                .get(SourceRoutes.PACKAGE_SETTING, SourceRoutes.DEFAULT_PACKAGE));
        for (MiddlewareScanner.Declaration d : MiddlewareScanner.scan(builder.classes(), sourceRoutes)) {
            Middleware m = (Middleware) HandlerScanner.instantiate(d.type());
            builder.middleware().add(d.folder(), m, d.type().getName(), d.kind(), d.order());
            LOG.debug("Middleware {} in front of {}", d.type().getName(), d.folder());
        }
    }

    private static void bindRoutes(Deployment.Builder builder, List<Feature> features) {
        List<RouteBinder> binders = new ArrayList<>();
        binders.add(new HandlerBinder());
        for (Feature f : features) {
            binders.addAll(f.binders());
        }
        SourceRoutes sourceRoutes = new SourceRoutes(builder.settings()
                .get(SourceRoutes.PACKAGE_SETTING, SourceRoutes.DEFAULT_PACKAGE));
        List<String> problems = new ArrayList<>();
        for (HandlerScanner.Declaration d : HandlerScanner.scan(builder.classes(), binders, sourceRoutes)) {
            try {
                builder.route(d.pattern(), d.binder().bind(d.type(), d.pattern(), builder), d.type().getName());
            } catch (Exception e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }
}
