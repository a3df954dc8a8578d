package dev.fetchlet.servlet;

import dev.fetchlet.dispatch.Origin;
import dev.fetchlet.internal.HttpTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;

/**
 * Framing checks that Jetty and Tomcat make before any web app runs, made again here: some servers pass such
 * requests on (Payara's Grizzly lets {@code G(T} through as a method; Open Liberty serves an HTTP/1.1 request
 * with no {@code Host}, or with two different {@code Content-Length}s), and a handler must never see them, nor
 * build its URL from a {@code Host} that is not one. RFC 9112 asks for 400 in each case: §3 (method is a token),
 * §3.2 (one valid Host), §6.3 (Content-Length).
 */
final class MalformedRequests {
    private MalformedRequests() {
    }

    /** Why the request is malformed, or {@code null} when it is not. */
    static String problem(HttpServletRequest req) {
        if (!HttpTokens.isToken(req.getMethod())) {
            return "Malformed request: the method is not an HTTP token";
        }
        String host = req.getHeader("Host");
        // Empty is allowed: a target URI without an authority (RFC 9112 §3.2); the server's name stands in.
        if (host == null ? "HTTP/1.1".equals(req.getProtocol()) : !host.isEmpty() && !Origin.isHost(host)) {
            return "Malformed request: a missing or invalid Host header";
        }
        if (!consistentContentLength(req.getHeaders("Content-Length"))) {
            return "Malformed request: conflicting or invalid Content-Length";
        }
        return null;
    }

    // Repeated values are allowed only when they are all the same number (RFC 9110 §8.6).
    private static boolean consistentContentLength(Enumeration<String> headers) {
        String seen = null;
        while (headers != null && headers.hasMoreElements()) {
            for (String value : headers.nextElement().split(",", -1)) {
                String v = value.trim();
                if (v.isEmpty() || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return false;
                }
                if (seen != null && !seen.equals(v)) {
                    return false;
                }
                seen = v;
            }
        }
        return true;
    }
}
