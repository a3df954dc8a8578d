package dev.fetchlet.servlet;

import dev.fetchlet.AsyncHandler;
import dev.fetchlet.Handler;
import dev.fetchlet.Route;
import dev.fetchlet.config.FetchletConfig;
import dev.fetchlet.config.Settings;
import dev.fetchlet.function.CloudEventFunction;
import dev.fetchlet.function.HttpFunction;
import dev.fetchlet.routing.RouteEntry;
import dev.fetchlet.routing.RouteTable;
import dev.fetchlet.routing.SourceRoutes;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys Fetchlet into a web app: the container hands it every {@code @Route} class and handler
 * implementation it found, and it builds the route table once and installs the dispatcher. Discovered through
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}, so a WAR needs no {@code web.xml}.
 *
 * <p>Any problem (a malformed or duplicate route, a class that cannot be constructed, a bad setting) throws,
 * which fails the deployment with one message naming the classes involved.
 */
@HandlesTypes({Route.class, Handler.class, AsyncHandler.class, HttpFunction.class, CloudEventFunction.class})
public final class FetchletInitializer implements ServletContainerInitializer {
    /** Servlet context attribute holding the route listing ({@code List<String>}), one line per route. */
    public static final String ROUTE_LISTING_ATTRIBUTE = "dev.fetchlet.routeListing";

    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet");

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext servletContext) throws ServletException {
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

            Deployment deployment = new Deployment(config, env);
            RouteTable<RouteTarget> routes;
            try {
                routes = buildRoutes(classes, deployment, servletContext);
            } catch (Exception e) {
                deployment.close();
                throw e;
            }

            FilterRegistration.Dynamic filter = servletContext.addFilter("fetchlet",
                    new FetchletFilter(deployment, routes));
            filter.setAsyncSupported(true);
            filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");

            List<String> listing = listing(routes);
            servletContext.setAttribute(ROUTE_LISTING_ATTRIBUTE, listing);
            // Tyrus (GlassFish, Payara) upgrades only to endpoints registered at deployment. Asked first: a
            // container without the WebSocket API still serves every HTTP route.
            if (WebSocketSupport.isAvailable(servletContext.getClassLoader())) {
                servletContext.addListener(RegisteredEndpointUpgrade.registration());
            }
            LOG.info("Fetchlet deployed {} route(s) at '{}'{}", routes.size(), servletContext.getContextPath(),
                    listing.isEmpty() ? "" : "\n  " + String.join("\n  ", listing));
        } catch (Exception e) {
            LOG.error("Fetchlet deployment failed: {}", e.getMessage());
            throw new ServletException("Fetchlet deployment failed: " + e.getMessage(), e);
        }
    }

    /**
     * The kinds of class a {@code @Route} may sit on, tried in order. New kinds of route target register here.
     */
    private static List<RouteKind> routeKinds() {
        return List.of(new HandlerKind(), new FunctionKind(), new ServletMountKind(), new JavalinMountKind());
    }

    /** Routes that come from elsewhere than {@code @Route}: built-in endpoints, other discovery. */
    private static List<RouteContributor> contributors() {
        // Functions first: the health checks ask every function deployed.
        return List.of(new FunctionContributor(), new HealthContributor(), new MetricsContributor(),
                new MountContributor());
    }

    private static RouteTable<RouteTarget> buildRoutes(Set<Class<?>> classes, Deployment deployment,
                                                       ServletContext context) throws Exception {
        RouteTable.Builder<RouteTarget> builder = RouteTable.builder();
        try {
            return collectRoutes(classes, deployment, context, builder);
        } catch (Exception | LinkageError e) {
            // Targets already made may hold started sub-apps and threads: a failed deployment releases them.
            for (RouteTarget target : builder.targets()) {
                try {
                    target.destroy();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    private static RouteTable<RouteTarget> collectRoutes(Set<Class<?>> classes, Deployment deployment,
                                                         ServletContext context,
                                                         RouteTable.Builder<RouteTarget> builder) throws Exception {
        List<String> problems = new ArrayList<>();
        SourceRoutes sourceRoutes = new SourceRoutes(Settings.fromProcess(context::getInitParameter)
                .get(SourceRoutes.PACKAGE_SETTING, SourceRoutes.DEFAULT_PACKAGE));
        for (HandlerScanner.Declaration d : HandlerScanner.scan(classes, routeKinds(), sourceRoutes)) {
            try {
                builder.add(d.pattern(), d.kind().create(d.type(), d.pattern(), deployment, context), d.type().getName());
            } catch (Exception e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        for (RouteContributor c : contributors()) {
            c.contribute(classes, deployment, context, builder);
        }
        return builder.build();
    }

    static List<String> listing(RouteTable<RouteTarget> routes) {
        List<String> lines = new ArrayList<>();
        for (RouteEntry<RouteTarget> e : routes.entries()) {
            lines.add(String.format("%-34s %-40s -> %s", e.target().methods(), e.pattern(), e.target().source()));
        }
        return Collections.unmodifiableList(lines);
    }
}
