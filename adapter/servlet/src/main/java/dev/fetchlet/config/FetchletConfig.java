package dev.fetchlet.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deployment's settings, read once at start from {@link Settings}. The keys, each usable as a system property,
 * an environment variable or a web app context parameter:
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code FUNC_BODY_LIMIT}</td><td>{@code 6MB}</td><td>largest request body; past it, 413</td></tr>
 *   <tr><td>{@code FUNC_MAX_HEADER_FIELDS}</td><td>{@code 100}</td><td>most header fields a request may carry; past it, 431</td></tr>
 *   <tr><td>{@code FUNC_TIMEOUT}</td><td>{@code 30s}</td><td>wall time a handler may run; past it, 504</td></tr>
 *   <tr><td>{@code FUNC_TRUSTED_PROXIES}</td><td>none</td><td>addresses/CIDRs whose forwarding headers count</td></tr>
 *   <tr><td>{@code FUNC_REQUEST_ID_HEADER}</td><td>{@code X-Request-Id}</td><td>request id a trusted proxy may send</td></tr>
 *   <tr><td>{@code FUNC_GEO_HEADERS}</td><td>none</td><td>{@code field:Header} pairs for {@code ctx.geo()}</td></tr>
 *   <tr><td>{@code FUNC_REGION}</td><td>none</td><td>{@code ctx.server().region()}</td></tr>
 *   <tr><td>{@code FUNC_DEV}</td><td>{@code false}</td><td>development mode: error replies show the exception</td></tr>
 *   <tr><td>{@code FUNC_WS_MAX_MESSAGE}</td><td>{@code 1MB}</td><td>largest incoming WebSocket message; past it, close 1009</td></tr>
 *   <tr><td>{@code FUNC_WS_IDLE_TIMEOUT}</td><td>{@code 5m}</td><td>WebSocket connection without traffic is closed; 0: never</td></tr>
 *   <tr><td>{@code FUNC_WS_ALLOWED_ORIGINS}</td><td>none</td><td>origins besides the site's own that may open a WebSocket ({@link AllowedOrigins})</td></tr>
 * </table>
 *
 * <pre>{@code
 * FUNC_TRUSTED_PROXIES=10.0.0.0/8 FUNC_GEO_HEADERS=country:CloudFront-Viewer-Country,city:CloudFront-Viewer-City
 * }</pre>
 */
public final class FetchletConfig {
    public static final long DEFAULT_BODY_LIMIT = 6L * 1024 * 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Tomcat's default too ({@code maxHeaderCount}); a browser sends 10 to 30. */
    public static final int DEFAULT_MAX_HEADER_FIELDS = 100;

    private final long bodyLimit;
    private final Duration timeout;
    private final TrustedProxies trustedProxies;
    private final String requestIdHeader;
    private final Map<String, String> geoHeaders;
    private final String region;
    private final boolean devMode;
    private final long webSocketMaxMessage;
    private final Duration webSocketIdleTimeout;
    // Set once by load(), like the allowed origins below.
    private int maxHeaderFields = DEFAULT_MAX_HEADER_FIELDS;
    // Set once by load(), before the config is handed to anyone (kept out of the long constructor).
    private AllowedOrigins webSocketAllowedOrigins = AllowedOrigins.none();

    private FetchletConfig(long bodyLimit, Duration timeout, TrustedProxies trustedProxies, String requestIdHeader,
                           Map<String, String> geoHeaders, String region, boolean devMode,
                           long webSocketMaxMessage, Duration webSocketIdleTimeout) {
        this.bodyLimit = bodyLimit;
        this.timeout = timeout;
        this.trustedProxies = trustedProxies;
        this.requestIdHeader = requestIdHeader;
        this.geoHeaders = geoHeaders;
        this.region = region;
        this.devMode = devMode;
        this.webSocketMaxMessage = webSocketMaxMessage;
        this.webSocketIdleTimeout = webSocketIdleTimeout;
    }

    /** @throws IllegalArgumentException naming the key whose value is malformed, so deployment fails early */
    public static FetchletConfig load(Settings s) {
        long bodyLimit = s.get("FUNC_BODY_LIMIT") == null ? DEFAULT_BODY_LIMIT : Units.bytes("FUNC_BODY_LIMIT", s.get("FUNC_BODY_LIMIT"));
        Duration timeout = s.get("FUNC_TIMEOUT") == null ? DEFAULT_TIMEOUT : Units.duration("FUNC_TIMEOUT", s.get("FUNC_TIMEOUT"));
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("FUNC_TIMEOUT must be positive");
        }
        FetchletConfig config = new FetchletConfig(
                bodyLimit,
                timeout,
                TrustedProxies.parse(s.get("FUNC_TRUSTED_PROXIES")),
                s.get("FUNC_REQUEST_ID_HEADER", "X-Request-Id"),
                parseGeoHeaders(s.get("FUNC_GEO_HEADERS")),
                s.get("FUNC_REGION"),
                Units.flag("FUNC_DEV", s.get("FUNC_DEV", "false")),
                positive("FUNC_WS_MAX_MESSAGE", Units.bytes("FUNC_WS_MAX_MESSAGE", s.get("FUNC_WS_MAX_MESSAGE", "1MB"))),
                Units.duration("FUNC_WS_IDLE_TIMEOUT", s.get("FUNC_WS_IDLE_TIMEOUT", "5m")));
        config.webSocketAllowedOrigins = AllowedOrigins.parse("FUNC_WS_ALLOWED_ORIGINS", s.get("FUNC_WS_ALLOWED_ORIGINS"));
        config.maxHeaderFields = maxHeaderFields(s.get("FUNC_MAX_HEADER_FIELDS"));
        return config;
    }

    private static int maxHeaderFields(String value) {
        if (value == null) {
            return DEFAULT_MAX_HEADER_FIELDS;
        }
        try {
            int fields = Integer.parseInt(value);
            if (fields >= 1) {
                return fields;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("FUNC_MAX_HEADER_FIELDS must be a whole number, 1 or more: '" + value + "'");
    }

    private static long positive(String key, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be positive");
        }
        return value;
    }

    /** The defaults, with nothing configured. */
    public static FetchletConfig defaults() {
        return load(new Settings(Map.of(), Map.of(), k -> null));
    }

    private static Map<String, String> parseGeoHeaders(String spec) {
        if (spec == null) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException("FUNC_GEO_HEADERS entries are field:Header-Name, not '" + pair.trim() + "'");
            }
            map.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
        }
        return Collections.unmodifiableMap(map);
    }

    public long bodyLimit() {
        return bodyLimit;
    }

    /**
     * The most header fields a request may carry ({@code FUNC_MAX_HEADER_FIELDS}); a request with more is answered
     * 431. The servlet API reads a request's fields name by name, each name a walk over all fields, so the limit
     * also bounds what reading them costs.
     */
    public int maxHeaderFields() {
        return maxHeaderFields;
    }

    public Duration timeout() {
        return timeout;
    }

    public TrustedProxies trustedProxies() {
        return trustedProxies;
    }

    public String requestIdHeader() {
        return requestIdHeader;
    }

    /** Geo field name to the header a trusted proxy sends it in. */
    public Map<String, String> geoHeaders() {
        return geoHeaders;
    }

    public String region() {
        return region;
    }

    public boolean devMode() {
        return devMode;
    }

    /** Default largest incoming WebSocket message in bytes ({@code FUNC_WS_MAX_MESSAGE}). */
    public long webSocketMaxMessage() {
        return webSocketMaxMessage;
    }

    /** Default WebSocket idle timeout ({@code FUNC_WS_IDLE_TIMEOUT}); zero means never. */
    public Duration webSocketIdleTimeout() {
        return webSocketIdleTimeout;
    }

    /** Origins besides the site's own allowed to open a WebSocket ({@code FUNC_WS_ALLOWED_ORIGINS}); none by default. */
    public AllowedOrigins webSocketAllowedOrigins() {
        return webSocketAllowedOrigins;
    }
}
