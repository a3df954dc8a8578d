package dev.fetchlet.config;

import dev.fetchlet.internal.WebOrigin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Origins allowed to open WebSocket connections besides the site's own: the deployment's list
 * ({@code FUNC_WS_ALLOWED_ORIGINS}) or a route's ({@code WebSocketOptions.allowedOrigins}). Entries are exact
 * origins ({@code https://app.example}, {@code http://localhost:5173}), the word {@code null} for the opaque
 * origin a sandboxed frame or a {@code file:} page sends, or {@code *} for any origin at all (the check turned
 * off). Empty by default: only same-origin pages, and clients that send no {@code Origin}, may connect.
 *
 * <pre>{@code
 * AllowedOrigins list = AllowedOrigins.parse("FUNC_WS_ALLOWED_ORIGINS", "https://app.example, http://localhost:5173");
 * list.allows("https://APP.example:443");  // true: same scheme, host and (default) port
 * list.allows("null");                     // false unless "null" is listed
 * }</pre>
 */
public final class AllowedOrigins {
    private static final AllowedOrigins NONE = new AllowedOrigins(Set.of(), false, false);

    private final Set<WebOrigin> origins;
    private final boolean opaque;
    private final boolean any;

    private AllowedOrigins(Set<WebOrigin> origins, boolean opaque, boolean any) {
        this.origins = origins;
        this.opaque = opaque;
        this.any = any;
    }

    /** No origin but the site's own. */
    public static AllowedOrigins none() {
        return NONE;
    }

    /**
     * A comma-separated list, as a setting holds it.
     *
     * @param key where the list comes from, for the message of a malformed entry
     * @throws IllegalArgumentException naming the entry that is not an origin
     */
    public static AllowedOrigins parse(String key, String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        List<String> entries = new ArrayList<>();
        for (String entry : spec.split(",")) {
            if (!entry.isBlank()) {
                entries.add(entry.strip());
            }
        }
        return of(key, entries);
    }

    /** The given entries, each checked as {@link #parse} does. */
    public static AllowedOrigins of(String key, List<String> entries) {
        Set<WebOrigin> origins = new LinkedHashSet<>();
        boolean opaque = false;
        boolean any = false;
        for (String entry : entries) {
            if (entry.equals("*")) {
                any = true;
            } else if (entry.equals("null")) {
                opaque = true;
            } else {
                WebOrigin origin = WebOrigin.parse(entry);
                if (origin == null) {
                    throw new IllegalArgumentException(key + ": '" + entry + "' is not an origin; write "
                            + "scheme://host or scheme://host:port (no path), null, or *");
                }
                origins.add(origin);
            }
        }
        if (origins.isEmpty() && !opaque && !any) {
            return NONE;
        }
        return new AllowedOrigins(Set.copyOf(origins), opaque, any);
    }

    public boolean isEmpty() {
        return origins.isEmpty() && !opaque && !any;
    }

    /** Whether {@code *} is listed: every origin is allowed. */
    public boolean allowsAny() {
        return any;
    }

    /** Whether the value of an {@code Origin} header names a listed origin. */
    public boolean allows(String originHeader) {
        if (any) {
            return true;
        }
        if (originHeader == null) {
            return false;
        }
        if (originHeader.strip().equals("null")) {
            return opaque;
        }
        WebOrigin origin = WebOrigin.parse(originHeader);
        return origin != null && origins.contains(origin);
    }

    @Override
    public String toString() {
        List<String> shown = new ArrayList<>();
        origins.forEach(o -> shown.add(o.toString()));
        if (opaque) {
            shown.add("null");
        }
        if (any) {
            shown.add("*");
        }
        return String.join(", ", shown);
    }
}
