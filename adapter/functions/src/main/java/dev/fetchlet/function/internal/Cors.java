package dev.fetchlet.function.internal;

import dev.fetchlet.Response;
import dev.fetchlet.servlet.RequestScope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;

/**
 * The CORS headers of a function's responses and of its preflight ({@code OPTIONS}) answer, so a page on
 * another origin can call the function. Allowed origins come from {@code FUNC_CORS_ORIGINS}: {@code *} (the
 * default) allows any; a list allows those, echoing the request's {@code Origin}.
 */
final class Cors {
    static final String METHODS = "GET, HEAD, POST, OPTIONS";
    private static final String EVENT_HEADERS = "ce-id, ce-source, ce-type, ce-specversion, ce-subject, ce-time, "
            + "ce-dataschema";
    private static final String ALLOWED_HEADERS = "Content-Type, Accept, Authorization, " + EVENT_HEADERS;
    private static final String EXPOSED_HEADERS = RequestScope.REQUEST_ID_HEADER + ", " + EVENT_HEADERS;

    private final List<String> origins;
    private final boolean any;

    Cors(List<String> origins) {
        this.origins = origins;
        this.any = origins.contains("*");
    }

    /** The headers every response carries; false when the request's origin is not allowed. */
    boolean apply(HttpServletRequest req, HttpServletResponse res) {
        String origin = req.getHeader("Origin");
        if (any) {
            res.setHeader("Access-Control-Allow-Origin", "*");
        } else {
            res.addHeader("Vary", "Origin");
            if (origin == null || !origins.contains(origin)) {
                return false;
            }
            res.setHeader("Access-Control-Allow-Origin", origin);
        }
        res.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        return true;
    }

    /** The preflight answer: 204 with the methods and headers a cross-origin call may use. */
    void preflight(HttpServletRequest req, HttpServletResponse res) {
        res.setHeader("Allow", METHODS);
        if (apply(req, res)) {
            res.setHeader("Access-Control-Allow-Methods", METHODS);
            String asked = req.getHeader("Access-Control-Request-Headers");
            res.setHeader("Access-Control-Allow-Headers", asked != null && !asked.isBlank() ? asked : ALLOWED_HEADERS);
            res.setHeader("Access-Control-Max-Age", "86400");
        }
        res.setStatus(204);
    }

    /**
     * Moves the CORS headers a function set on its own response onto the servlet response, where they replace
     * the defaults {@link #apply} set rather than doubling them.
     */
    static Response ownHeaders(Response response, HttpServletResponse res) {
        for (String name : List.copyOf(response.headers().names())) {
            if (name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                res.setHeader(name, response.headers().get(name));
                response.headers().delete(name);
            }
        }
        return response;
    }
}
