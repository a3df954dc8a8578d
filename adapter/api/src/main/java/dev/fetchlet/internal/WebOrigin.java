package dev.fetchlet.internal;

import java.util.Locale;

/**
 * A web origin, the scheme, host and port of a page (RFC 6454), as a browser sends it in an {@code Origin}
 * header: {@code https://app.example}, {@code http://127.0.0.1:8080}, {@code http://[::1]:8080}. Two origins
 * are the same when scheme, host and port are; scheme and host compare without regard to case, and a port left
 * out is the scheme's default ({@code https://h} is {@code https://h:443}).
 *
 * <pre>{@code
 * WebOrigin.parse("HTTPS://App.Example:443").equals(WebOrigin.parse("https://app.example"))   // true
 * WebOrigin.of("http", "localhost:8080")                                                    // the request's own
 * WebOrigin.parse("null")                                                                   // null: an opaque origin
 * }</pre>
 *
 * @param scheme the scheme, lower case
 * @param host   the host in canonical form ({@link Authority})
 * @param port   the port; the scheme's default when none was given, -1 for a scheme without a known default
 */
public record WebOrigin(String scheme, String host, int port) {

    /**
     * The origin serialized in {@code value}, {@code scheme "://" host [":" port]}; a single trailing {@code /} is
     * tolerated. {@code null} for anything else: a path, a query, user info, {@code null} (an opaque origin) or a
     * list of origins.
     */
    public static WebOrigin parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        int sep = v.indexOf("://");
        if (sep <= 0) {
            return null;
        }
        String scheme = v.substring(0, sep);
        if (!isScheme(scheme)) {
            return null;
        }
        String authority = v.substring(sep + 3);
        if (authority.endsWith("/")) {
            authority = authority.substring(0, authority.length() - 1);
        }
        return of(scheme, authority);
    }

    /**
     * The origin of a request made with {@code scheme} to {@code host} (a {@code Host} header's value); {@code null}
     * when the host is malformed.
     */
    public static WebOrigin of(String scheme, String host) {
        Authority a = Authority.parse(host);
        if (a == null || scheme == null || !isScheme(scheme)) {
            return null;
        }
        String s = scheme.toLowerCase(Locale.ROOT);
        return new WebOrigin(s, a.host(), a.withDefaultPort(defaultPort(s)).port());
    }

    /** The port a scheme implies when a URL names none; -1 when this class knows none. */
    static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            default -> -1;
        };
    }

    // RFC 3986 section 3.1: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
    private static boolean isScheme(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean ok = letter || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The serialized form: the default port left out, as browsers send it. */
    @Override
    public String toString() {
        return port < 0 || port == defaultPort(scheme) ? scheme + "://" + host : scheme + "://" + host + ":" + port;
    }
}
