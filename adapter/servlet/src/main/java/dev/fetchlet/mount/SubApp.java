package dev.fetchlet.mount;

import dev.fetchlet.Context;
import dev.fetchlet.servlet.ContextAttribute;
import dev.fetchlet.servlet.RequestScope;
import jakarta.servlet.ServletRequest;

/**
 * What Fetchlet hands a mounted app (a servlet or a {@link JavalinApp} under a {@code [[x]]} route) with each
 * request: the request id, as a response header and a request attribute, and the Fetchlet {@link Context}
 * (client address, environment, route params, region, geo) as a request attribute.
 *
 * <pre>{@code
 * // In a Javalin handler
 * Context fetchlet = SubApp.context(ctx.req());
 * ctx.json(Map.of("region", fetchlet.server().region(), "requestId", fetchlet.requestId()));
 *
 * // In a JAX-RS resource
 * @GET public String id(@jakarta.ws.rs.core.Context HttpServletRequest req) { return SubApp.requestId(req); }
 * }</pre>
 *
 * <p>The request body belongs to the app: read it through the framework, not through {@code context.request()}.
 */
public final class SubApp {
    /** Request attribute holding the Fetchlet {@link Context} of the request. */
    public static final String CONTEXT_ATTRIBUTE = ContextAttribute.NAME;

    /** Request attribute holding the request id (a {@code String}), the same as {@link Context#requestId()}. */
    public static final String REQUEST_ID_ATTRIBUTE = "dev.fetchlet.requestId";

    /** Response header carrying the request id, set before the app runs. */
    public static final String REQUEST_ID_HEADER = RequestScope.REQUEST_ID_HEADER;

    private SubApp() {
    }

    /**
     * The Fetchlet context of a request Fetchlet handed to a mounted app.
     *
     * @throws IllegalStateException if the request did not come through a Fetchlet mount
     */
    public static Context context(ServletRequest request) {
        Context ctx = ContextAttribute.of(request);
        if (ctx != null) {
            return ctx;
        }
        throw new IllegalStateException("This request did not reach the app through a Fetchlet mount");
    }

    /**
     * The request id of a request Fetchlet handed to a mounted app.
     *
     * @throws IllegalStateException if the request did not come through a Fetchlet mount
     */
    public static String requestId(ServletRequest request) {
        Context ctx = ContextAttribute.of(request);
        if (ctx != null) {
            return ctx.requestId();
        }
        throw new IllegalStateException("This request did not reach the app through a Fetchlet mount");
    }
}
