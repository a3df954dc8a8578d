package dev.fetchlet.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * A {@code Host} header's value, {@code host [":" port]} (RFC 9110 section 7.2, RFC 3986 section 3.2), read
 * strictly: a name of letters, digits, {@code .}, {@code -} and {@code _}, an IPv4 address, or an IPv6 literal
 * in brackets; a port of at most five digits up to 65535. No user info ({@code u@h}), no spaces, nothing that
 * could end a URL's authority. The host is kept in a canonical form (lower case, an IPv6 literal in its full
 * form), so two spellings of the same host compare equal.
 *
 * <pre>{@code
 * Authority.parse("Example.COM:8080")   // host "example.com", port 8080
 * Authority.parse("[::1]")              // host "[0:0:0:0:0:0:0:1]", port -1 (none given)
 * Authority.parse("a b")                // null: malformed
 * }</pre>
 *
 * @param host the host in canonical form (brackets kept around an IPv6 literal)
 * @param port the port, or -1 when none was given (an empty port, {@code h:}, counts as none, RFC 3986 6.2.3)
 */
public record Authority(String host, int port) {
    private static final int MAX_LENGTH = 255;

    /** The authority in {@code value}, or {@code null} when it is empty or malformed. */
    public static Authority parse(String value) {
        if (!withinLength(value)) {
            return null;
        }
        int hostEnd;
        String host;
        if (value.charAt(0) == '[') {
            hostEnd = value.indexOf(']') + 1;
            host = hostEnd == 0 ? null : ipv6(value.substring(1, hostEnd - 1));
        } else {
            hostEnd = nameEnd(value);
            host = isName(value, hostEnd) ? value.substring(0, hostEnd).toLowerCase(Locale.ROOT) : null;
        }
        int port = host == null ? Integer.MIN_VALUE : portAfter(value, hostEnd);
        return port == Integer.MIN_VALUE ? null : new Authority(host, port);
    }

    /**
     * Whether {@link #parse} accepts {@code value}. The dispatcher checks every request's {@code Host} with it:
     * a name or IPv4 address, with or without a port, is checked in place, with nothing allocated.
     */
    public static boolean isValid(String value) {
        if (!withinLength(value)) {
            return false;
        }
        if (value.charAt(0) == '[') {
            return parse(value) != null;
        }
        int hostEnd = nameEnd(value);
        return isName(value, hostEnd) && portAfter(value, hostEnd) != Integer.MIN_VALUE;
    }

    private static boolean withinLength(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH;
    }

    // Where a name or IPv4 address ends: at the port's colon, if any.
    private static int nameEnd(String value) {
        int colon = value.indexOf(':');
        return colon < 0 ? value.length() : colon;
    }

    // The port after a host ending at hostEnd: -1 for none (nothing, or an empty port), MIN_VALUE if malformed.
    private static int portAfter(String value, int hostEnd) {
        if (hostEnd == value.length()) {
            return -1;
        }
        return value.charAt(hostEnd) == ':' ? port(value, hostEnd + 1) : Integer.MIN_VALUE;
    }

    /** This authority with {@code defaultPort} filled in when it names none. */
    public Authority withDefaultPort(int defaultPort) {
        return port >= 0 ? this : new Authority(host, defaultPort);
    }

    @Override
    public String toString() {
        return port < 0 ? host : host + ":" + port;
    }

    // Whether value's first end characters are a registered name or an IPv4 address: letters, digits, dots.
    private static boolean isName(String value, int end) {
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    // Hex digits, colons and dots only, so that InetAddress parses a literal and never looks up a name.
    private static String ipv6(String s) {
        if (s.indexOf(':') < 0 || s.length() > 45) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    || c == ':' || c == '.';
            if (!ok) {
                return null;
            }
        }
        try {
            InetAddress address = InetAddress.getByName("[" + s + "]");
            // An IPv4-mapped literal comes back as an IPv4 address: keep it in IPv6 form, as it was written.
            return address.getAddress().length == 16 ? "[" + address.getHostAddress() + "]" : "[::ffff:"
                    + address.getHostAddress() + "]";
        } catch (UnknownHostException e) {
            return null;
        }
    }

    // The digits of s from index from, up to 65535; none is no port (-1); anything else is MIN_VALUE (malformed).
    private static int port(String s, int from) {
        int length = s.length() - from;
        if (length == 0) {
            return -1;
        }
        if (length > 5) {
            return Integer.MIN_VALUE;
        }
        int port = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return Integer.MIN_VALUE;
            }
            port = port * 10 + (c - '0');
        }
        return port > 65535 ? Integer.MIN_VALUE : port;
    }
}
