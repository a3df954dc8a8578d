package dev.fetchlet.dispatch;

import dev.fetchlet.Headers;
import dev.fetchlet.config.FetchletConfig;
import dev.fetchlet.config.TrustedProxies;
import dev.fetchlet.internal.Authority;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who sent a request and how: scheme, host, client address, request id and location. Forwarding headers
 * ({@code Forwarded}, else {@code X-Forwarded-For/-Proto/-Host/-Port}), a proxy's request id and geo headers
 * are believed only when the peer is a trusted proxy; the client address is then the first untrusted hop,
 * walking the chain from the nearest proxy back.
 */
public record Origin(String scheme, String host, String clientIp, String requestId, Map<String, String> geo) {

    /**
     * @param peer        the TCP peer's address
     * @param headers     the request's headers
     * @param scheme      the scheme the connection used
     * @param host        the {@code Host} the client sent (with port when not the default)
     */
    public static Origin resolve(String peer, Headers headers, String scheme, String host, FetchletConfig config) {
        TrustedProxies trusted = config.trustedProxies();
        if (!trusted.contains(peer)) {
            return new Origin(scheme, host, peer, newRequestId(), Map.of());
        }
        String forwarded = headers.get("Forwarded");
        List<String> chain;
        String fwdScheme;
        String fwdHost;
        if (forwarded != null) {
            List<Map<String, String>> elements = parseForwarded(forwarded);
            chain = new ArrayList<>();
            for (Map<String, String> e : elements) {
                chain.add(stripPort(e.getOrDefault("for", "")));
            }
            Map<String, String> first = elements.isEmpty() ? Map.of() : elements.get(0);
            fwdScheme = first.get("proto");
            fwdHost = first.get("host");
        } else {
            chain = splitList(headers.get("X-Forwarded-For"));
            fwdScheme = firstOfList(headers.get("X-Forwarded-Proto"));
            fwdHost = withPort(firstOfList(headers.get("X-Forwarded-Host")), firstOfList(headers.get("X-Forwarded-Port")),
                    isScheme(fwdScheme) ? fwdScheme : scheme);
        }
        String client = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (!TrustedProxies.isIpAddress(hop)) {
                break; // "unknown", an obfuscated "_id" or garbage: nothing left to follow, and never a client address
            }
            client = hop;
            if (!trusted.contains(hop)) {
                break;
            }
        }
        String s = isScheme(fwdScheme) ? fwdScheme.toLowerCase(Locale.ROOT) : scheme;
        String h = isHost(fwdHost) ? fwdHost : host;
        String id = headers.first(config.requestIdHeader());
        Map<String, String> geo = new LinkedHashMap<>();
        config.geoHeaders().forEach((field, header) -> {
            String v = headers.first(header);
            if (v != null && !v.isBlank()) {
                geo.put(field, v.trim());
            }
        });
        return new Origin(s, h, client, isRequestId(id) ? id : newRequestId(), geo.isEmpty() ? Map.of() : Map.copyOf(geo));
    }

    /** A random (version 4) UUID. Request ids need uniqueness, not secrecy, so no SecureRandom contention. */
    public static String newRequestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new java.util.UUID(msb, lsb).toString();
    }

    static List<Map<String, String>> parseForwarded(String value) {
        List<Map<String, String>> elements = new ArrayList<>();
        for (String element : splitOutsideQuotes(value, ',')) {
            Map<String, String> pairs = new LinkedHashMap<>();
            for (String pair : splitOutsideQuotes(element, ';')) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String v = pair.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                pairs.put(pair.substring(0, eq).trim().toLowerCase(Locale.ROOT), v);
            }
            elements.add(pairs);
        }
        return elements;
    }

    private static List<String> splitOutsideQuotes(String s, char sep) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && !quoted) {
                parts.add(s.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(s.substring(start).trim());
        return parts;
    }

    // "[2001:db8::1]:4711" -> "2001:db8::1"; "192.0.2.60:80" -> "192.0.2.60"; a bare IPv6 stays whole.
    static String stripPort(String node) {
        String n = node.trim();
        if (n.startsWith("[")) {
            int close = n.indexOf(']');
            return close > 0 ? n.substring(1, close) : n;
        }
        int colon = n.indexOf(':');
        if (colon > 0 && n.indexOf(':', colon + 1) < 0) {
            return n.substring(0, colon);
        }
        return n;
    }

    private static List<String> splitList(String value) {
        List<String> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        for (String s : value.split(",")) {
            items.add(stripPort(s));
        }
        return items;
    }

    // X-Forwarded-Port completes a host that has no port of its own; the scheme's default port stays implicit.
    private static String withPort(String host, String port, String scheme) {
        if (host == null || port == null || port.isEmpty() || port.length() > 5
                || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return host;
        }
        boolean hasPort = host.startsWith("[") ? host.indexOf("]:") > 0 : host.indexOf(':') >= 0;
        boolean defaultPort = (port.equals("80") && "http".equalsIgnoreCase(scheme))
                || (port.equals("443") && "https".equalsIgnoreCase(scheme));
        return hasPort || defaultPort ? host : host + ":" + port;
    }

    private static String firstOfList(String value) {
        if (value == null) {
            return null;
        }
        int comma = value.indexOf(',');
        return (comma < 0 ? value : value.substring(0, comma)).trim();
    }

    private static boolean isScheme(String s) {
        return s != null && (s.equalsIgnoreCase("http") || s.equalsIgnoreCase("https"));
    }

    /**
     * Whether {@code h} is a {@code host[:port]} without anything that could break out of a URL's authority
     * ({@link Authority}). {@code isHost("example.com:8080")} is true; {@code isHost("evil.com/x?")} is false.
     */
    public static boolean isHost(String h) {
        return Authority.isValid(h);
    }

    private static boolean isRequestId(String id) {
        if (id == null || id.isEmpty() || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= 32 || c >= 127) {
                return false;
            }
        }
        return true;
    }
}
