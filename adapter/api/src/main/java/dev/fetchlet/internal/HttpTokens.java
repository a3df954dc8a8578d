package dev.fetchlet.internal;

/**
 * RFC 9110 §5.6.2 tokens, the grammar of methods, header names and WebSocket subprotocol names: visible ASCII
 * except the delimiters {@code "(),/:;<=>?@[\]{}}.
 *
 * <pre>{@code
 * HttpTokens.isToken("GET");   // true
 * HttpTokens.isToken("G(T");   // false
 * }</pre>
 */
public final class HttpTokens {
    // A table, not a search of the delimiter string: every request header name goes through here.
    private static final boolean[] TOKEN_CHARS = new boolean[128];

    static {
        for (int c = 33; c < 127; c++) {
            TOKEN_CHARS[c] = "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
        }
    }

    private HttpTokens() {
    }

    /** Whether {@code s} is a non-empty token. */
    public static boolean isToken(CharSequence s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code c} may appear in a token. */
    public static boolean isTokenChar(int c) {
        return c >= 0 && c < 128 && TOKEN_CHARS[c];
    }
}
