package dev.fetchlet.servlet;

import dev.fetchlet.internal.HttpTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;

/**
 * Framing checks that Jetty and Tomcat make before any web app runs, made again here: some servers pass such
 * requests on (Payara's Grizzly lets {@code G(T} through as a method; Open Liberty serves an HTTP/1.1 request
 * with no {@code Host}, or with two different {@code Content-Length}s), and a handler must never see them. RFC
 * 9112 asks for 400 in each case: §3 (method is a token), §3.2 (Host), §6.3 (Content-Length).
 */
final class MalformedRequests {
    private MalformedRequests() {
    }

    /** Why the request is malformed, or {@code null} when it is not. */
    static String problem(HttpServletRequest req) {
        if (!HttpTokens.isToken(req.getMethod())) {
            return "Malformed request: the method is not an HTTP token";
        }
        if ("HTTP/1.1".equals(req.getProtocol()) && req.getHeader("Host") == null) {
            return "Malformed request: HTTP/1.1 requires a Host header";
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
