package dev.fetchlet.middleware;

import dev.fetchlet.Context;
import dev.fetchlet.Headers;
import dev.fetchlet.Middleware;
import dev.fetchlet.Next;
import dev.fetchlet.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The usual security headers on every response under a folder, each one left out or changed at will. A header
 * the route set itself is kept as it is. {@code Strict-Transport-Security} goes only on responses to HTTPS
 * requests (as the client addressed the server, trusted proxies honoured), as RFC 6797 requires.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>header</th><th>value</th></tr>
 *   <tr><td>{@code X-Content-Type-Options}</td><td>{@code nosniff}</td></tr>
 *   <tr><td>{@code Referrer-Policy}</td><td>{@code strict-origin-when-cross-origin}</td></tr>
 *   <tr><td>{@code X-Frame-Options}</td><td>{@code SAMEORIGIN}</td></tr>
 *   <tr><td>{@code Content-Security-Policy}</td><td>{@code frame-ancestors 'self'} (only framing; set your own
 *       policy to replace it)</td></tr>
 *   <tr><td>{@code Cross-Origin-Opener-Policy}</td><td>{@code same-origin}</td></tr>
 *   <tr><td>{@code Cross-Origin-Resource-Policy}</td><td>{@code same-origin}</td></tr>
 *   <tr><td>{@code X-Permitted-Cross-Domain-Policies}</td><td>{@code none}</td></tr>
 *   <tr><td>{@code Strict-Transport-Security}</td><td>{@code max-age=31536000; includeSubDomains}, HTTPS only</td></tr>
 * </table>
 *
 * <pre>{@code
 * Middleware headers = SecurityHeaders.builder()
 *         .set("Content-Security-Policy", "default-src 'self'")
 *         .set("Referrer-Policy", "no-referrer")
 *         .without("Cross-Origin-Resource-Policy")
 *         .build();
 * }</pre>
 */
public final class SecurityHeaders implements Middleware {
    static final String HSTS = "Strict-Transport-Security";

    private final Map<String, String> headers;
    private final String hsts;

    private SecurityHeaders(Builder b) {
        Map<String, String> copy = new LinkedHashMap<>(b.headers);
        this.hsts = copy.remove(HSTS);
        this.headers = Map.copyOf(copy);
    }

    /** The defaults above. */
    public static SecurityHeaders defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults above. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Response onRequest(Context ctx, Next next) throws Exception {
        Response response = next.proceed();
        Headers h = response.headers();
        headers.forEach((name, value) -> {
            if (!h.has(name)) {
                h.set(name, value);
            }
        });
        if (hsts != null && !h.has(HSTS) && ctx.request().url().regionMatches(true, 0, "https:", 0, 6)) {
            h.set(HSTS, hsts);
        }
        return response;
    }

    @Override
    public String toString() {
        return "SecurityHeaders" + headers.keySet();
    }

    /** Builds a {@link SecurityHeaders}; starts from the defaults. */
    public static final class Builder {
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {
            headers.put("X-Content-Type-Options", "nosniff");
            headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
            headers.put("X-Frame-Options", "SAMEORIGIN");
            headers.put("Content-Security-Policy", "frame-ancestors 'self'");
            headers.put("Cross-Origin-Opener-Policy", "same-origin");
            headers.put("Cross-Origin-Resource-Policy", "same-origin");
            headers.put("X-Permitted-Cross-Domain-Policies", "none");
            headers.put(HSTS, "max-age=31536000; includeSubDomains");
        }

        /** Sends {@code name} with {@code value}, in place of its default if it has one. */
        public Builder set(String name, String value) {
            new Headers().set(name, value); // the same name and value checks a response applies
            headers.keySet().removeIf(n -> n.equalsIgnoreCase(name));
            headers.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /** Leaves {@code name} out. */
        public Builder without(String name) {
            headers.keySet().removeIf(n -> n.equalsIgnoreCase(name));
            return this;
        }

        public SecurityHeaders build() {
            return new SecurityHeaders(this);
        }
    }
}
