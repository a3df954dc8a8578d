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
    private static final String DELIMITERS = "\"(),/:;<=>?@[\\]{}";

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
        return c > 32 && c < 127 && DELIMITERS.indexOf(c) < 0;
    }
}
