package dev.fetchlet.middleware;

import java.net.URI;
import java.util.Locale;

/** Origins (scheme, host, port) as the Fetch standard compares them, from a URL or an {@code Origin} header. */
final class RequestOrigin {
    private RequestOrigin() {
    }

    /**
     * The serialised origin of {@code url}, default port left out: {@code https://app.example}; null when it is
     * not an absolute http(s) URL.
     */
    static String of(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
