package dev.fetchlet.middleware;

import dev.fetchlet.Context;
import dev.fetchlet.HttpException;
import dev.fetchlet.Middleware;
import dev.fetchlet.Next;
import dev.fetchlet.Request;
import dev.fetchlet.Response;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses cross-site requests that change state, the way browsers tell them apart today: by {@code Origin} and
 * {@code Sec-Fetch-Site}, with no token to manage. A request is refused with 403 when its method is unsafe (not
 * {@code GET}, {@code HEAD}, {@code OPTIONS} or {@code TRACE}), its body is one a cross-site form or a "simple"
 * {@code fetch} can send without a preflight ({@code application/x-www-form-urlencoded},
 * {@code multipart/form-data}, {@code text/plain}, or no {@code Content-Type}), and
 * <ul>
 *   <li>its {@code Sec-Fetch-Site} is {@code cross-site} (or {@code same-site}, unless allowed) and its
 *       {@code Origin} is not among the trusted origins, or</li>
 *   <li>without {@code Sec-Fetch-Site}: its {@code Origin} is {@code null}, or another origin than the request's
 *       own (scheme, host and port as the client addressed the server, trusted proxies honoured) and not among
 *       the trusted origins.</li>
 * </ul>
 * {@code Sec-Fetch-Site} decides when it is there: it is the browser's own verdict, and it holds behind a proxy
 * that is not configured as trusted, where the request's URL is not the one the browser used.
 * A request with neither header (a server, {@code curl}, an old browser) passes: there is no browser to abuse.
 * Other bodies (JSON) need a CORS preflight, so CORS decides about them.
 *
 * <pre>{@code
 * Middleware csrf = CsrfCheck.builder()
 *         .trustedOrigins("https://admin.example")
 *         .build();
 * }</pre>
 */
public final class CsrfCheck implements Middleware {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> SIMPLE_TYPES = Set.of("application/x-www-form-urlencoded",
            "multipart/form-data", "text/plain");

    private final List<String> trustedOrigins;
    private final boolean allowSameSite;

    private CsrfCheck(Builder b) {
        this.trustedOrigins = List.copyOf(b.trustedOrigins);
        this.allowSameSite = b.allowSameSite;
    }

    /** Same origin only. */
    public static CsrfCheck defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Response onRequest(Context ctx, Next next) throws Exception {
        String refusal = refusal(ctx.request());
        if (refusal != null) {
            throw new HttpException(403, refusal);
        }
        return next.proceed();
    }

    /** Why {@code request} is refused, or null when it may go on. */
    String refusal(Request request) {
        if (SAFE.contains(request.method()) || !simpleBody(request.contentType())) {
            return null;
        }
        String origin = request.header("Origin");
        boolean trusted = origin != null && trustedOrigins.contains(origin);
        String site = request.header("Sec-Fetch-Site");
        if (site != null) {
            // The browser's own verdict, which holds behind proxies too: trusted over comparing URLs.
            switch (site.trim().toLowerCase(Locale.ROOT)) {
                case "same-origin", "none":
                    return null;
                case "same-site":
                    return allowSameSite || trusted ? null : "Cross-origin " + request.method() + " requests are refused here";
                default:
                    return trusted ? null : "Cross-site " + request.method() + " requests are refused here";
            }
        }
        if (origin == null || trusted) {
            return null;
        }
        String own = RequestOrigin.of(request.url());
        if (origin.equals("null") || own == null || !origin.equalsIgnoreCase(own)) {
            return "Cross-origin " + request.method() + " requests are refused here";
        }
        return null;
    }

    private static boolean simpleBody(String contentType) {
        if (contentType == null) {
            return true;
        }
        int semicolon = contentType.indexOf(';');
        String essence = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        return essence.isEmpty() || SIMPLE_TYPES.contains(essence);
    }

    @Override
    public String toString() {
        return "CsrfCheck" + trustedOrigins;
    }

    /** Builds a {@link CsrfCheck}. */
    public static final class Builder {
        private List<String> trustedOrigins = List.of();
        private boolean allowSameSite;

        private Builder() {
        }

        /** Other origins whose pages may send such requests, e.g. {@code https://admin.example}. */
        public Builder trustedOrigins(String... origins) {
            return trustedOrigins(List.of(origins));
        }

        /** Like {@link #trustedOrigins(String...)}. */
        public Builder trustedOrigins(List<String> origins) {
            this.trustedOrigins = origins.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
            return this;
        }

        /**
         * Whether pages of the same site on another origin ({@code https://a.example.com} to
         * {@code https://b.example.com}) pass the {@code Sec-Fetch-Site} check; their {@code Origin} must still
         * be trusted. Default false.
         */
        public Builder allowSameSite(boolean allow) {
            this.allowSameSite = allow;
            return this;
        }

        public CsrfCheck build() {
            return new CsrfCheck(this);
        }
    }
}
