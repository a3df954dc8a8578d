package dev.fetchlet.servlet.middleware;

import dev.fetchlet.config.Settings;
import dev.fetchlet.config.Units;
import dev.fetchlet.middleware.Cors;
import dev.fetchlet.middleware.CsrfCheck;
import dev.fetchlet.middleware.SecurityHeaders;
import dev.fetchlet.middleware.ServerTiming;
import dev.fetchlet.routing.InvalidRouteException;
import java.time.Duration;
import java.util.List;

/**
 * The built-in middleware a deployment turns on by settings, with no code: read once per deployment from the
 * same sources as every other key (system property, environment variable, context parameter). They run before
 * the app's own middleware of the same folder.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code FUNC_NOSNIFF}</td><td>{@code true}</td><td>{@code X-Content-Type-Options: nosniff} on every
 *       response</td></tr>
 *   <tr><td>{@code FUNC_SECURITY_HEADERS}</td><td>{@code false}</td><td>{@link SecurityHeaders#defaults()} on
 *       every response</td></tr>
 *   <tr><td>{@code FUNC_CSRF}</td><td>{@code false}</td><td>{@link CsrfCheck} on every request</td></tr>
 *   <tr><td>{@code FUNC_CSRF_TRUSTED_ORIGINS}</td><td>none</td><td>other origins it lets through,
 *       comma-separated</td></tr>
 *   <tr><td>{@code FUNC_SERVER_TIMING}</td><td>{@code false}</td><td>{@link ServerTiming} on every response</td></tr>
 *   <tr><td>{@code FUNC_CORS_PATH}</td><td>none</td><td>a folder whose routes get {@link Cors}, such as
 *       {@code /api}</td></tr>
 *   <tr><td>{@code FUNC_CORS_ORIGINS}</td><td>{@code *}</td><td>its allowed origins, comma-separated (the
 *       functions' CORS reads the same key)</td></tr>
 *   <tr><td>{@code FUNC_CORS_CREDENTIALS}</td><td>{@code false}</td><td>whether it allows credentials</td></tr>
 *   <tr><td>{@code FUNC_CORS_MAX_AGE}</td><td>{@code 30m}</td><td>how long a preflight's answer may be kept</td></tr>
 * </table>
 */
public final class BuiltInMiddleware {
    private BuiltInMiddleware() {
    }

    /** Adds what {@code settings} turn on to {@code table}. */
    public static void configure(Settings settings, MiddlewareTable.Builder table) throws InvalidRouteException {
        table.nosniff(flag(settings, "FUNC_NOSNIFF", true));
        if (flag(settings, "FUNC_SERVER_TIMING", false)) {
            table.add("/", new ServerTiming(), "built-in ServerTiming (FUNC_SERVER_TIMING)",
                    MiddlewareTable.Kind.BUILT_IN, 0);
        }
        if (flag(settings, "FUNC_SECURITY_HEADERS", false)) {
            table.add("/", SecurityHeaders.defaults(), "built-in SecurityHeaders (FUNC_SECURITY_HEADERS)",
                    MiddlewareTable.Kind.BUILT_IN, 1);
        }
        if (flag(settings, "FUNC_CSRF", false)) {
            table.add("/", CsrfCheck.builder().trustedOrigins(list(settings.get("FUNC_CSRF_TRUSTED_ORIGINS", "")))
                    .build(), "built-in CsrfCheck (FUNC_CSRF)", MiddlewareTable.Kind.BUILT_IN, 2);
        }
        String corsPath = settings.get("FUNC_CORS_PATH");
        if (corsPath != null && !Units.isOff(corsPath)) {
            Duration maxAge = Units.duration("FUNC_CORS_MAX_AGE", settings.get("FUNC_CORS_MAX_AGE", "30m"));
            Cors cors;
            try {
                cors = Cors.builder().origins(list(settings.get("FUNC_CORS_ORIGINS", "*")))
                        .credentials(flag(settings, "FUNC_CORS_CREDENTIALS", false)).maxAge(maxAge).build();
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException("FUNC_CORS_ORIGINS and FUNC_CORS_CREDENTIALS: " + e.getMessage(), e);
            }
            table.add(Units.path("FUNC_CORS_PATH", corsPath), cors, "built-in Cors (FUNC_CORS_PATH)",
                    MiddlewareTable.Kind.BUILT_IN, 3);
        }
    }

    private static boolean flag(Settings settings, String key, boolean fallback) {
        String value = settings.get(key);
        return value == null ? fallback : Units.flag(key, value);
    }

    private static List<String> list(String value) {
        return List.of(value.trim().split("\\s*,\\s*")).stream().filter(s -> !s.isEmpty()).toList();
    }
}
