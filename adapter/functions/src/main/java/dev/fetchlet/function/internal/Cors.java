package dev.fetchlet.function.internal;

import dev.fetchlet.Headers;
import dev.fetchlet.Request;
import dev.fetchlet.Response;
import dev.fetchlet.servlet.RequestScope;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The CORS of a function: the built-in {@link dev.fetchlet.middleware.Cors} middleware's rules, with the
 * function's methods and CloudEvents headers, applied to its responses and its preflight ({@code OPTIONS})
 * answer, so a page on another origin can call the function. Allowed origins come from
 * {@code FUNC_CORS_ORIGINS}: {@code *} (the default) allows any; a list allows those, echoing the request's
 * {@code Origin}.
 */
final class Cors {
    static final String METHODS = "GET, HEAD, POST, OPTIONS";
    private static final String EVENT_HEADERS = "ce-id, ce-source, ce-type, ce-specversion, ce-subject, ce-time, "
            + "ce-dataschema";
    private static final String ALLOWED_HEADERS = "Content-Type, Accept, Authorization, " + EVENT_HEADERS;
    private static final String EXPOSED_HEADERS = RequestScope.REQUEST_ID_HEADER + ", " + EVENT_HEADERS;

    private final dev.fetchlet.middleware.Cors policy;

    Cors(List<String> origins) {
        this.policy = dev.fetchlet.middleware.Cors.builder()
                .origins(origins)
                .methods("GET", "HEAD", "POST", "OPTIONS")
                .exposeHeaders(EXPOSED_HEADERS)
                .maxAge(Duration.ofDays(1))
                .build();
    }

    /** The headers every response carries, error replies included. */
    void apply(Request request, HttpServletResponse res) {
        Headers headers = new Headers();
        policy.addTo(request, headers);
        headers.forEach(res::addHeader);
    }

    /** The preflight answer: 204 with the methods and headers a cross-origin call may use. */
    void preflight(Request request, HttpServletResponse res) {
        Response answer = policy.preflight(request);
        Headers headers = answer.headers();
        if (headers.has("Access-Control-Allow-Origin") && !headers.has("Access-Control-Allow-Headers")) {
            headers.set("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        }
        headers.set("Allow", METHODS);
        headers.forEach(res::addHeader);
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
