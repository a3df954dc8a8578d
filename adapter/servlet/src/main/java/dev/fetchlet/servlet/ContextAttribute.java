package dev.fetchlet.servlet;

import dev.fetchlet.Context;
import jakarta.servlet.ServletRequest;

/**
 * The one request attribute under which a request's Fetchlet {@link Context} travels from the pipeline to a
 * mounted app ({@code SubApp.context}). It is put there when the request is handed to the app
 * ({@link RequestScope#sharedContext()}); a Fetch handler's request goes without it.
 *
 * <pre>{@code
 * Context ctx = ContextAttribute.of(request);   // null when Fetchlet did not hand the request to a mounted app
 * }</pre>
 */
public final class ContextAttribute {
    /** The attribute's name; a public contract, since mounted apps may read it directly. */
    public static final String NAME = "dev.fetchlet.Context";

    private ContextAttribute() {
    }

    static void put(ServletRequest request, Context context) {
        request.setAttribute(NAME, context);
    }

    /** The request's context, or null when the request did not reach a mounted app through Fetchlet. */
    public static Context of(ServletRequest request) {
        return request.getAttribute(NAME) instanceof Context ctx ? ctx : null;
    }
}
