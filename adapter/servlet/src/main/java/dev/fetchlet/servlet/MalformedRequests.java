package dev.fetchlet.servlet;

import dev.fetchlet.internal.Authority;
import dev.fetchlet.internal.HttpTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;

/**
 * Framing checks that Jetty and Tomcat make before any web app runs, made again here: some servers pass such
 * requests on (Payara's Grizzly lets {@code G(T} through as a method; Open Liberty serves an HTTP/1.1 request
 * with no {@code Host}, or with two different {@code Content-Length}s), and a handler must never see them, nor
 * build its URL from a {@code Host} that is not one; Payara and Liberty also serve two {@code Host}s, a
 * {@code Transfer-Encoding} other than {@code chunked}, and {@code Content-Length} next to
 * {@code Transfer-Encoding}, and Liberty a NUL in a header value; they pass a fragment ({@code #frag}) on inside the
 * query string; Tomcat passes an empty {@code Host} on. RFC 9112 asks for
 * 400 in each case: §3 (method is a token), §3.2 (one valid Host, a target without a fragment), §6.1 and §6.3
 * (message length).
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
        // Empty is malformed too: an http(s) URI never has an empty host (RFC 9110 §4.2.1), and a URL built from
        // it would be http://:8080/ (Tomcat passes an empty Host on). Missing is fine for HTTP/1.0 only.
        if (host == null ? "HTTP/1.1".equals(req.getProtocol()) : Authority.parse(host) == null) {
            return "Malformed request: a missing, empty or invalid Host header";
        }
        if (hasFragment(req)) {
            return "Malformed request: a fragment ('#') in the request target";
        }
        if (hasControlInHeaderValue(req)) {
            return "Malformed request: a header value contains a control character such as CR, LF or NUL";
        }
        if (count(req.getHeaders("Host")) > 1) {
            return "Malformed request: more than one Host header";
        }
        if (!consistentContentLength(req.getHeaders("Content-Length"))) {
            return "Malformed request: conflicting or invalid Content-Length";
        }
        Enumeration<String> te = req.getHeaders("Transfer-Encoding");
        if (te != null && te.hasMoreElements()) {
            if (!onlyChunked(te)) {
                return "Malformed request: the only Transfer-Encoding accepted is chunked, once";
            }
            if (req.getHeader("Content-Length") != null) {
                return "Malformed request: both Content-Length and Transfer-Encoding";
            }
        }
        return null;
    }

    // '#' is allowed in neither the path nor the query of a request target (RFC 9112 §3.2, RFC 3986 §3.4).
    private static boolean hasFragment(HttpServletRequest req) {
        String query = req.getQueryString();
        String uri = req.getRequestURI();
        return (query != null && query.indexOf('#') >= 0) || (uri != null && uri.indexOf('#') >= 0);
    }

    /**
     * Whether a header value holds a control character other than tab (RFC 9110 §5.5). Liberty passes a NUL on,
     * and the Fetch model's {@code Headers} refuses to hold one: without this check the request would fail
     * before any handler, as a 500.
     */
    private static boolean hasControlInHeaderValue(HttpServletRequest req) {
        Enumeration<String> names = req.getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            Enumeration<String> values = req.getHeaders(names.nextElement());
            while (values != null && values.hasMoreElements()) {
                String value = values.nextElement();
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if ((c < 0x20 && c != '\t') || c == 0x7F) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int count(Enumeration<String> headers) {
        int n = 0;
        while (headers != null && headers.hasMoreElements()) {
            headers.nextElement();
            n++;
        }
        return n;
    }

    /**
     * Whether the transfer codings are exactly {@code chunked}: another coding, or chunked applied twice or not
     * last, leaves the body's length undetermined (RFC 9112 §6.1, §6.3), and no server here decodes any other.
     */
    private static boolean onlyChunked(Enumeration<String> headers) {
        int codings = 0;
        while (headers.hasMoreElements()) {
            for (String coding : headers.nextElement().split(",", -1)) {
                if (!coding.trim().equalsIgnoreCase("chunked") || ++codings > 1) {
                    return false;
                }
            }
        }
        return codings == 1;
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
