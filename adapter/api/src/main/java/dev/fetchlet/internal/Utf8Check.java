package dev.fetchlet.internal;

/**
 * Checks bytes one at a time as well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing past
 * U+10FFFF. A small state machine, so a stream or a path is checked as it goes, with nothing buffered.
 *
 * <pre>{@code
 * Utf8Check utf8 = new Utf8Check();
 * for (byte b : bytes) {
 *     if (!utf8.accept(b & 0xFF)) throw new IllegalArgumentException("invalid UTF-8");
 * }
 * if (utf8.inSequence()) throw new IllegalArgumentException("cut short");
 * }</pre>
 */
public final class Utf8Check {
    // Continuation bytes still expected, and the range the next one must fall in: narrower after some lead
    // bytes, which is how overlong forms (E0, F0), surrogates (ED) and code points past U+10FFFF (F4) are refused.
    private int pending;
    private int low = 0x80;
    private int high = 0xBF;

    /** Takes the next byte (0 to 255); false when it cannot continue well-formed UTF-8. */
    public boolean accept(int b) {
        if (pending > 0) {
            if (b < low || b > high) {
                return false;
            }
            pending--;
            low = 0x80;
            high = 0xBF;
            return true;
        }
        if (b < 0x80) {
            return true;
        }
        pending = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : 0;
        if (pending == 0) {
            return false; // a stray continuation byte, C0/C1 (always overlong), or F5..FF
        }
        low = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
        high = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
        return true;
    }

    /** Whether a multi-byte sequence has begun and still waits for continuation bytes. */
    public boolean inSequence() {
        return pending > 0;
    }
}
