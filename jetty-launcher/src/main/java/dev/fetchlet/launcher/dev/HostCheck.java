package dev.fetchlet.launcher.dev;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers only requests addressed to this machine by a loopback name: {@code localhost}, any
 * {@code *.localhost}, {@code 127.0.0.1} or {@code [::1]}, with any port, plus the names allowed explicitly.
 * Any other {@code Host} gets 403 before a route or a compile-error page runs; a missing, empty or malformed one
 * gets 400.
 *
 * <p>Why: the dev server runs code from a folder and shows its compile errors and sources. Binding loopback keeps
 * other machines out, but not a web page in the developer's browser: a page on {@code evil.example} can have its
 * DNS name re-point to 127.0.0.1 (DNS rebinding) and then read this server as same-origin. Such requests carry
 * {@code Host: evil.example}. webpack-dev-server and Vite refuse them for the same reason.
 *
 * <p>An allowed name matches exactly (case aside); one starting with a dot, such as {@code .example.test},
 * matches that domain and its subdomains; {@code *} turns the check off.
 */
final class HostCheck extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(HostCheck.class);
    /** Hosts already reported in the log, so that a page polling the server does not flood it. */
    private static final int MOST_REPORTED = 64;

    private final List<String> allowed;
    private final boolean anyHost;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    HostCheck(List<String> allowedHosts, Handler next) {
        super(next);
        this.allowed = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        this.anyHost = allowed.contains("*");
    }

    /** Whether the check is off ({@code *} was allowed). */
    boolean anyHost() {
        return anyHost;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (anyHost) {
            return super.handle(request, response, callback);
        }
        List<HttpField> hosts = request.getHeaders().getFields(HttpHeader.HOST);
        String name = hosts.size() == 1 ? hostName(hosts.get(0).getValue()) : null;
        if (name == null) {
            return refuse(response, callback, 400, "A request needs exactly one valid Host header");
        }
        String target = request.getHttpURI().getHost(); // an absolute-form target names the host too
        if (isAllowed(name) && (target == null || target.isEmpty() || isAllowed(hostName(target)))) {
            return super.handle(request, response, callback);
        }
        if (reported.size() < MOST_REPORTED && reported.add(name)) {
            LOG.warn("Refused a request for Host '{}': the dev server answers loopback names only; start it with "
                + "--allowed-host {} to allow it", name, name);
        }
        return refuse(response, callback, 403, "This dev server answers requests for localhost only; start it "
            + "with --allowed-host " + name + " to allow this host");
    }

    boolean isAllowed(String name) {
        if (name == null) {
            return false;
        }
        if (isLoopbackName(name)) {
            return true;
        }
        for (String entry : allowed) {
            boolean domain = entry.startsWith(".") && (name.endsWith(entry) || name.equals(entry.substring(1)));
            if (domain || entry.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** {@code localhost}, a subdomain of it (RFC 6761 keeps them all on this machine), 127.0.0.1 or [::1]. */
    static boolean isLoopbackName(String name) {
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals("127.0.0.1")
            || name.equals("[::1]");
    }

    /**
     * The lower-case host of a {@code Host} value without its port and without one trailing dot, or {@code null}
     * when it is empty or not a host: a registered name of letters, digits, dots and hyphens, an IPv4 address,
     * or a bracketed IPv6 one (RFC 9110 section 7.2, RFC 3986 section 3.2.2), then an optional port of digits.
     */
    static String hostName(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String host = value;
        String port = null;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                return null;
            }
            port = close + 1 < host.length() ? host.substring(close + 1) : null;
            host = host.substring(0, close + 1);
            if (port != null && !port.startsWith(":")) {
                return null;
            }
            if (!host.substring(1, host.length() - 1).matches("[0-9A-Fa-f:.]+")) {
                return null;
            }
        } else {
            int colon = host.indexOf(':');
            if (colon >= 0) {
                port = host.substring(colon);
                host = host.substring(0, colon);
            }
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            if (host.isEmpty() || !host.matches("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?") || host.contains("..")) {
                return null;
            }
        }
        if (port != null && !port.matches(":[0-9]{0,5}")) {
            return null;
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static boolean refuse(Response response, Callback callback, int status, String message) {
        byte[] body = ("{\"error\":\"" + (status == 403 ? "Forbidden" : "Bad Request") + "\",\"message\":\""
            + message + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
