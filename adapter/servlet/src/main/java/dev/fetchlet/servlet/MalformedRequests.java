package dev.fetchlet.servlet;

import dev.fetchlet.internal.Authority;
import dev.fetchlet.internal.HttpTokens;
import dev.fetchlet.Headers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

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

    /**
     * Why the request is malformed, or {@code null} when it is not.
     *
     * @param headers its header fields as {@link ServletRequests#headers} read them: null when one of them is not
     *                a valid field (a control character in a value, a name that is no token)
     */
    static String problem(HttpServletRequest req, Headers headers) {
        if (!HttpTokens.isToken(req.getMethod())) {
            return "Malformed request: the method is not an HTTP token";
        }
        if (headers == null) {
            return "Malformed request: a header value contains a control character such as CR, LF or NUL";
        }
        Framing framing = new Framing();
        headers.forEach(framing);
        // Empty is malformed too: an http(s) URI never has an empty host (RFC 9110 §4.2.1), and a URL built from
        // it would be http://:8080/ (Tomcat passes an empty Host on). Missing is fine for HTTP/1.0 only.
        if (framing.host == null ? "HTTP/1.1".equals(req.getProtocol()) : !Authority.isValid(framing.host)) {
            return "Malformed request: a missing, empty or invalid Host header";
        }
        if (hasFragment(req)) {
            return "Malformed request: a fragment ('#') in the request target";
        }
        if (framing.hosts > 1) {
            return "Malformed request: more than one Host header";
        }
        if (framing.lengths != null && !consistentContentLength(framing.lengths)) {
            return "Malformed request: conflicting or invalid Content-Length";
        }
        if (framing.codings != null) {
            if (!onlyChunked(framing.codings)) {
                return "Malformed request: the only Transfer-Encoding accepted is chunked, once";
            }
            if (framing.lengths != null) {
                return "Malformed request: both Content-Length and Transfer-Encoding";
            }
        }
        return null;
    }

    /** The fields that frame the message, gathered in one walk over the header fields. */
    private static final class Framing implements BiConsumer<String, String> {
        String host;
        int hosts;
        List<String> lengths;
        List<String> codings;

        @Override
        public void accept(String name, String value) {
            if (name.equalsIgnoreCase("Host")) {
                if (hosts++ == 0) {
                    host = value;
                }
            } else if (name.equalsIgnoreCase("Content-Length")) {
                lengths = add(lengths, value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                codings = add(codings, value);
            }
        }

        private static List<String> add(List<String> list, String value) {
            List<String> l = list == null ? new ArrayList<>(1) : list;
            l.add(value);
            return l;
        }
    }

    // '#' is allowed in neither the path nor the query of a request target (RFC 9112 §3.2, RFC 3986 §3.4).
    private static boolean hasFragment(HttpServletRequest req) {
        String query = req.getQueryString();
        String uri = req.getRequestURI();
        return (query != null && query.indexOf('#') >= 0) || (uri != null && uri.indexOf('#') >= 0);
    }

    /** Whether a field value holds a control character other than tab (RFC 9110 §5.5), DEL included. */
    static boolean hasControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /**
     * The body length a request that passed {@link #problem} declares, or -1 for none: its first
     * {@code Content-Length} value (the others are the same number, or it was refused).
     */
    static long declaredLength(Headers headers) {
        String value = headers.first("Content-Length");
        if (value == null) {
            return -1;
        }
        int comma = value.indexOf(',');
        try {
            return Long.parseLong((comma < 0 ? value : value.substring(0, comma)).trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // more digits than a long holds: larger than any limit
        }
    }

    private static boolean onlyChunked(List<String> headers) {
        int codings = 0;
        for (String header : headers) {
            for (String coding : header.split(",", -1)) {
                if (!coding.trim().equalsIgnoreCase("chunked") || ++codings > 1) {
                    return false;
                }
            }
        }
        return codings == 1;
    }

    // Repeated values are allowed only when they are all the same number (RFC 9110 §8.6). Read by hand: a split and
    // a character stream per request showed in a profile of a JSON POST.
    private static boolean consistentContentLength(List<String> headers) {
        String seen = null;
        for (String header : headers) {
            int start = 0;
            while (start <= header.length()) {
                int comma = header.indexOf(',', start);
                int end = comma < 0 ? header.length() : comma;
                String v = header.substring(start, end).trim();
                if (!isDigits(v) || (seen != null && !seen.equals(v))) {
                    return false;
                }
                seen = v;
                start = end + 1;
            }
        }
        return true;
    }

    private static boolean isDigits(String v) {
        if (v.isEmpty()) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
