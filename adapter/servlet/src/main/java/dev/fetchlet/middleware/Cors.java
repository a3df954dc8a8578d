package dev.fetchlet.middleware;

import dev.fetchlet.Context;
import dev.fetchlet.Headers;
import dev.fetchlet.Middleware;
import dev.fetchlet.Next;
import dev.fetchlet.Request;
import dev.fetchlet.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Cross-origin resource sharing (the Fetch standard's CORS protocol) for every route under a folder: answers
 * preflights itself and adds the {@code Access-Control-*} headers to the other responses.
 *
 * <ul>
 *   <li>A preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) is answered
 *       {@code 204} here and goes no further. For an allowed origin it names the origin, the methods, the headers
 *       (those configured, else those the preflight asks for), the max age and, if enabled, credentials; for any
 *       other origin it carries no {@code Access-Control-*} header, so the browser refuses the call.</li>
 *   <li>Any other request goes on, and its response gets {@code Access-Control-Allow-Origin} (and the exposed
 *       headers, and credentials) when its origin is allowed. Headers the route set itself are left as they are.</li>
 *   <li>{@code Vary: Origin} is on every preflight answer, and on other responses whenever they depend on the
 *       origin (a list of origins, or credentials), so caches keep them apart.</li>
 *   <li>With credentials, the origin is always echoed, never {@code *}; {@code *} together with credentials is
 *       refused when built, since it would let every site act as the user.</li>
 * </ul>
 *
 * <pre>{@code
 * Middleware cors = Cors.builder()
 *         .origins("https://app.example", "https://admin.example")
 *         .methods("GET", "POST", "DELETE")
 *         .allowHeaders("Content-Type", "Authorization")
 *         .exposeHeaders("Functions-Request-Id")
 *         .credentials(true)
 *         .maxAge(Duration.ofHours(1))
 *         .build();
 * }</pre>
 */
public final class Cors implements Middleware {
    /** The methods allowed when none are configured. */
    public static final List<String> DEFAULT_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    private final List<String> origins;
    private final boolean anyOrigin;
    private final String methods;
    private final String allowHeaders;
    private final String exposeHeaders;
    private final boolean credentials;
    private final String maxAge;

    private Cors(Builder b) {
        this.origins = List.copyOf(b.origins);
        this.anyOrigin = origins.contains("*");
        this.methods = String.join(", ", b.methods);
        this.allowHeaders = b.allowHeaders == null ? null : String.join(", ", b.allowHeaders);
        this.exposeHeaders = b.exposeHeaders.isEmpty() ? null : String.join(", ", b.exposeHeaders);
        this.credentials = b.credentials;
        this.maxAge = b.maxAge == null ? null : Long.toString(b.maxAge.toSeconds());
    }

    /** A builder; without changes it allows any origin, the {@link #DEFAULT_METHODS}, and no credentials. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Response onRequest(Context ctx, Next next) throws Exception {
        Request request = ctx.request();
        if (isPreflight(request)) {
            return preflight(request);
        }
        Response response = next.proceed();
        addTo(request, response.headers());
        return response;
    }

    /** Whether {@code request} is a CORS preflight: {@code OPTIONS} with {@code Origin} and a requested method. */
    public static boolean isPreflight(Request request) {
        return request.method().equals("OPTIONS") && request.header("Origin") != null
                && request.header("Access-Control-Request-Method") != null;
    }

    /**
     * The answer to a preflight: 204, with the CORS headers when the origin is allowed. For hosts that answer
     * {@code OPTIONS} themselves, such as the functions' runtime.
     */
    public Response preflight(Request request) {
        Response answer = Response.empty(204);
        Headers h = answer.headers();
        String origin = request.header("Origin");
        String allowed = allowedOrigin(origin);
        addVary(h, "Origin"); // a preflight's answer is per origin even with "*": caches must not mix them
        if (allowed == null) {
            return answer;
        }
        h.set("Access-Control-Allow-Origin", allowed);
        if (credentials) {
            h.set("Access-Control-Allow-Credentials", "true");
        }
        h.set("Access-Control-Allow-Methods", methods);
        String asked = request.header("Access-Control-Request-Headers");
        String headers = allowHeaders != null ? allowHeaders : asked != null && !asked.isBlank() ? asked : null;
        if (headers != null) {
            h.set("Access-Control-Allow-Headers", headers);
            if (allowHeaders == null) {
                addVary(h, "Access-Control-Request-Headers"); // echoed, so the answer depends on it
            }
        }
        if (maxAge != null) {
            h.set("Access-Control-Max-Age", maxAge);
        }
        return answer;
    }

    /**
     * Adds the CORS headers of an actual (not preflight) response to {@code headers}, leaving alone any
     * {@code Access-Control-*} header already there.
     */
    public void addTo(Request request, Headers headers) {
        String origin = request.header("Origin");
        String allowed = allowedOrigin(origin);
        if (!anyOrigin || credentials) {
            varyOnOrigin(headers);
        }
        if (allowed == null) {
            return;
        }
        setIfAbsent(headers, "Access-Control-Allow-Origin", allowed);
        if (credentials) {
            setIfAbsent(headers, "Access-Control-Allow-Credentials", "true");
        }
        if (exposeHeaders != null) {
            setIfAbsent(headers, "Access-Control-Expose-Headers", exposeHeaders);
        }
    }

    // The value of Access-Control-Allow-Origin for this origin, or null when it is not allowed. "*" only
    // without credentials; a request without Origin gets "*" then too (it is harmless and caches well).
    private String allowedOrigin(String origin) {
        if (anyOrigin && !credentials) {
            return "*";
        }
        if (origin == null || origin.equals("null")) {
            return null; // an opaque origin (sandboxed frame, file:) is never trusted with credentials or by name
        }
        return anyOrigin || origins.contains(origin) ? origin : null;
    }

    private void varyOnOrigin(Headers h) {
        if (!anyOrigin || credentials) {
            addVary(h, "Origin");
        }
    }

    static void addVary(Headers h, String name) {
        String vary = h.get("Vary");
        if (vary == null) {
            h.set("Vary", name);
            return;
        }
        for (String part : vary.split(",")) {
            String p = part.trim();
            if (p.equals("*") || p.equalsIgnoreCase(name)) {
                return;
            }
        }
        h.set("Vary", vary + ", " + name);
    }

    private static void setIfAbsent(Headers h, String name, String value) {
        if (!h.has(name)) {
            h.append(name, value); // absent: nothing to replace
        }
    }

    @Override
    public String toString() {
        return "Cors" + origins;
    }

    /** Builds a {@link Cors}. */
    public static final class Builder {
        private final List<String> origins = new ArrayList<>(List.of("*"));
        private List<String> methods = DEFAULT_METHODS;
        private List<String> allowHeaders;
        private List<String> exposeHeaders = List.of();
        private boolean credentials;
        private Duration maxAge = Duration.ofMinutes(30);

        private Builder() {
        }

        /**
         * The origins allowed, exact ({@code https://app.example}, with a port if not the default one), or
         * {@code *} for any. Default {@code *}.
         */
        public Builder origins(String... origins) {
            return origins(List.of(origins));
        }

        /** Like {@link #origins(String...)}. */
        public Builder origins(List<String> origins) {
            this.origins.clear();
            for (String o : origins) {
                String origin = Objects.requireNonNull(o, "origin").trim();
                if (origin.isEmpty()) {
                    continue;
                }
                if (!origin.equals("*") && (origin.endsWith("/") || !origin.contains("://"))) {
                    throw new IllegalArgumentException("A CORS origin is scheme://host[:port], without a path: '"
                            + origin + "'");
                }
                this.origins.add(origin);
            }
            return this;
        }

        /** The methods a preflight allows. Default {@link #DEFAULT_METHODS}. */
        public Builder methods(String... methods) {
            List<String> upper = new ArrayList<>();
            for (String m : methods) {
                upper.add(m.trim().toUpperCase(Locale.ROOT));
            }
            this.methods = List.copyOf(upper);
            return this;
        }

        /** The request headers a preflight allows. Default: whichever the preflight asks for. */
        public Builder allowHeaders(String... headers) {
            this.allowHeaders = List.of(headers);
            return this;
        }

        /** The response headers a page may read besides the safelisted ones. Default none. */
        public Builder exposeHeaders(String... headers) {
            this.exposeHeaders = List.of(headers);
            return this;
        }

        /** Whether cookies and HTTP authentication go with cross-origin calls. Default false. */
        public Builder credentials(boolean credentials) {
            this.credentials = credentials;
            return this;
        }

        /** How long a browser may keep a preflight's answer; null sends no max age. Default 30 minutes. */
        public Builder maxAge(Duration maxAge) {
            if (maxAge != null && maxAge.isNegative()) {
                throw new IllegalArgumentException("maxAge must not be negative");
            }
            this.maxAge = maxAge;
            return this;
        }

        /**
         * @throws IllegalStateException for credentials with any origin ({@code *}), or no origin at all
         */
        public Cors build() {
            if (origins.isEmpty()) {
                throw new IllegalStateException("CORS needs at least one allowed origin, or *");
            }
            if (credentials && origins.contains("*")) {
                throw new IllegalStateException("CORS with credentials needs the allowed origins by name: '*' "
                        + "would let every site call with the user's cookies");
            }
            return new Cors(this);
        }
    }
}
