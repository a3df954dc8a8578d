package dev.fetchlet.internal;

/**
 * Hex digits of percent-escapes, shared by the router's checks and the mounts' path decoding.
 *
 * <pre>{@code
 * Hex.digit('f');   // 15
 * Hex.digit('g');   // -1
 * }</pre>
 */
public final class Hex {
    private Hex() {
    }

    /** The value of an ASCII hex digit, or -1: {@link Character#digit} would also accept other scripts' digits. */
    public static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
