package dev.fetchlet.mount;

import dev.fetchlet.Context;
import dev.fetchlet.routing.InvalidRouteException;
import dev.fetchlet.routing.RouteMatch;
import dev.fetchlet.routing.RoutePattern;
import dev.fetchlet.servlet.Deployment;
import dev.fetchlet.servlet.RequestScope;
import dev.fetchlet.servlet.RouteTarget;
import jakarta.servlet.FilterChain;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.UnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A route served by a mounted app: a servlet, or a Javalin app through its servlet. The app gets the request with
 * the route's prefix moved into its context path ({@link MountedRequest}), plus the request id and the Fetchlet
 * {@link Context} ({@link SubApp}); everything else, its 404s and its errors included, is its own.
 *
 * <p>Threading: the app runs on the container's thread, inside the request's {@link RequestScope} (request id
 * in the logging MDC, metrics by route pattern); it may go asynchronous itself. The wall-time and body limits of
 * Fetch handlers do not apply: the app has its own.
 */
public final class MountRoute implements RouteTarget {
    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet");

    private final MountedApp app;
    private final String name;
    private final String source;

    private MountRoute(MountedApp app, String name, String source) {
        this.app = app;
        this.name = name;
        this.source = source;
    }

    /**
     * Refuses a pattern an app cannot be mounted at: only a catch-all hands over every path below a prefix.
     *
     * @throws IllegalStateException naming the class and the pattern
     */
    public static void checkPattern(Class<?> type, String pattern) {
        RoutePattern parsed;
        try {
            parsed = RoutePattern.parse(pattern);
        } catch (InvalidRouteException e) {
            throw new IllegalStateException(e.getMessage() + " (declared by " + type.getName() + ")", e);
        }
        if (!parsed.isCatchAll()) {
            throw new IllegalStateException(type.getName() + " is an app mounted at \"" + pattern
                    + "\", but an app needs a catch-all route such as \"/express/[[default]]\"");
        }
    }

    /**
     * Mounts an app: it is made and initialized with its init parameters, as a container would a servlet, at
     * deploy or on the first request that reaches it ({@link MountStart}, {@code FUNC_MOUNT_START}). Routes the
     * mount's folder to it as well as its catch-all: {@code /express/[[default]]} does not match {@code /express}
     * or {@code /express/} (a catch-all needs at least one segment), yet an Express-style app answers there at its
     * {@code /}. The folder is an ordinary route, so a handler already declared for it fails the deployment as a
     * duplicate, naming both classes.
     *
     * <pre>{@code
     * Servlet servlet = (Servlet) deployment.instantiate(type);
     * return MountRoute.start(() -> servlet, "servlet", type, pattern, Map.of(), deployment);
     * }</pre>
     *
     * @param app  makes the app; called once, on the deploying thread or on a request's; throws an
     *             {@link IllegalStateException} saying what went wrong
     * @param kind what the app is, for the route listing: {@code servlet}, {@code Javalin app}
     * @return the route for the catch-all {@code pattern}
     * @throws IllegalStateException at deploy, if the app is started eagerly and fails
     */
    public static MountRoute start(Supplier<? extends Servlet> app, String kind, Class<?> type, String pattern,
                                   Map<String, String> initParams, Deployment.Builder deployment) {
        String folder = folderOf(pattern);
        String source = kind + " " + type.getName();
        MountedApp mounted = new MountedApp(app, type.getName(), source, folder, deployment.servletContext(),
                initParams);
        if (MountStart.from(deployment.settings()) == MountStart.EAGER) {
            mounted.startNow();
        } else {
            deployment.healthCheck(mounted);
        }
        MountRoute route = new MountRoute(mounted, type.getName(), source);
        deployment.route(folder, route, type.getName() + " (the folder it is mounted at)");
        return route;
    }

    /** {@code /express} for {@code /express/[[default]]}, {@code /} for {@code /[[default]]}. */
    static String folderOf(String catchAllPattern) {
        String normalized = RoutePattern.parse(catchAllPattern).pattern();
        int slash = normalized.lastIndexOf('/');
        String folder = slash <= 0 ? "/" : normalized.substring(0, slash);
        // A last segment 'index' names its parent folder; written twice, it names the folder called index.
        return folder.endsWith("/index") ? folder + "/index" : folder;
    }

    @Override
    public void serve(RequestScope scope, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse res = scope.response();
        Servlet started;
        try {
            started = app.app();
        } catch (UnavailableException e) {
            res.setHeader("Retry-After", Integer.toString(e.getUnavailableSeconds()));
            scope.error(503, e.getMessage());
            return;
        }
        scope.sharedContext(); // the app finds it under its attribute
        MountedRequest mounted = mountedRequest(scope);
        mounted.setAttribute(SubApp.REQUEST_ID_ATTRIBUTE, scope.requestId());
        try {
            started.service(mounted, new MountResponse(res, scope.requestId()));
        } catch (Exception | StackOverflowError | LinkageError e) {
            fail(scope, e);
        }
    }

    private MountedRequest mountedRequest(RequestScope scope) {
        HttpServletRequest req = scope.request();
        RouteMatch<RouteTarget> match = scope.match();
        if (match.rawPrefix() != null) {
            return MountedRequest.of(req, match.rawPrefix(), match.rawRemainder(), name);
        }
        // The mount's folder itself (/express or /express/), routed here by start(): the app's root.
        String path = scope.path();
        String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return MountedRequest.of(req, prefix, "/", name);
    }

    private void fail(RequestScope scope, Throwable t) throws IOException, ServletException {
        if (scope.response().isCommitted()) {
            // The client cannot be told any more: rethrow so that the container cuts the response short rather
            // than end it as if it were complete.
            LOG.warn("Mounted {} failed after its response began: {}", source, t.toString());
            if (t instanceof IOException io) {
                throw io;
            }
            throw new ServletException("mounted app failed midway", t);
        }
        scope.reset(); // drops the app's headers and whatever it had buffered
        scope.fail(t, "Mounted " + source);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public String methods() {
        return "*";
    }

    /** Destroys the app once, though the route table holds it twice (its catch-all and its folder). */
    @Override
    public void destroy() {
        app.destroy();
    }
}
