package dev.fetchlet.conformance.middleware;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Middleware;
import dev.fetchlet.MiddlewarePath;
import dev.fetchlet.Next;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.middleware.Cors;
import dev.fetchlet.middleware.CsrfCheck;
import dev.fetchlet.middleware.SecurityHeaders;
import java.time.Duration;

/**
 * The built-in middleware as a user configures it in code: CORS with named origins and credentials under
 * {@code /conformance/cors}, security headers under {@code /conformance/secure}, the CSRF check under
 * {@code /conformance/csrf}; each with a route behind it.
 */
public final class BuiltInFixtures {
    private BuiltInFixtures() {
    }

    @MiddlewarePath("/conformance/cors")
    public static final class CorsWithCredentials implements Middleware {
        private final Middleware cors = Cors.builder()
                .origins("https://app.example", "http://localhost:3000")
                .methods("GET", "POST", "PUT")
                .exposeHeaders("X-Total")
                .credentials(true)
                .maxAge(Duration.ofMinutes(10))
                .build();

        @Override
        public Response onRequest(Context ctx, Next next) throws Exception {
            return cors.onRequest(ctx, next);
        }
    }

    @Route("/conformance/cors/data")
    public static final class Data implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            return Response.json(java.util.Map.of("items", 3)).header("X-Total", "3");
        }

        @Override
        public Response onRequestPut(Context ctx) {
            return Response.empty(204);
        }
    }

    @MiddlewarePath("/conformance/secure")
    public static final class Secure implements Middleware {
        private final Middleware headers = SecurityHeaders.builder()
                .set("Referrer-Policy", "no-referrer")
                .without("Cross-Origin-Resource-Policy")
                .build();

        @Override
        public Response onRequest(Context ctx, Next next) throws Exception {
            return headers.onRequest(ctx, next);
        }
    }

    /** Sets its own {@code X-Frame-Options}, which the middleware keeps. */
    @Route("/conformance/secure/page")
    public static final class Page implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            return Response.html("<p>framed nowhere</p>").header("X-Frame-Options", "DENY");
        }
    }

    @MiddlewarePath("/conformance/csrf")
    public static final class Csrf implements Middleware {
        private final Middleware csrf = CsrfCheck.builder().trustedOrigins("https://admin.example").build();

        @Override
        public Response onRequest(Context ctx, Next next) throws Exception {
            return csrf.onRequest(ctx, next);
        }
    }

    @Route("/conformance/csrf/form")
    public static final class Form implements Handler {
        @Override
        public Response onRequest(Context ctx) {
            return Response.text("accepted " + ctx.request().method());
        }
    }
}
