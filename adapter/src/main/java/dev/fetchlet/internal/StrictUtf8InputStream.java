package dev.fetchlet.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;

/**
 * Passes bytes through while checking that they are well-formed UTF-8 (RFC 3629): no overlong forms, no
 * surrogates, nothing past U+10FFFF, no sequence cut short at the end. The read that meets a bad byte throws
 * {@link MalformedInputException}, so a JSON parser never sees {@code C0 AF} as {@code /}, and nothing needs
 * buffering: the check is a small state machine over the stream.
 *
 * <pre>{@code
 * try (InputStream in = new StrictUtf8InputStream(body)) {
 *     return parser.parse(in);              // MalformedInputException for invalid UTF-8
 * }
 * }</pre>
 */
public final class StrictUtf8InputStream extends FilterInputStream {
    // Continuation bytes still expected, and the range the next one must fall in: narrower after some lead
    // bytes, which is how overlong forms (E0, F0), surrogates (ED) and code points past U+10FFFF (F4) are refused.
    private int pending;
    private int low = 0x80;
    private int high = 0xBF;

    public StrictUtf8InputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            atEnd();
        } else {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) {
            atEnd();
        }
        for (int i = 0; i < n; i++) {
            check(buf[off + i] & 0xFF);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must be checked too, or a skip could hide the start of a bad sequence.
        byte[] buf = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        int read = n <= 0 ? 0 : read(buf, 0, buf.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check(int b) throws MalformedInputException {
        if (pending > 0) {
            if (b < low || b > high) {
                throw bad();
            }
            pending--;
            low = 0x80;
            high = 0xBF;
        } else if (b >= 0x80) {
            pending = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : 0;
            if (pending == 0) {
                throw bad(); // a stray continuation byte, C0/C1 (always overlong), or F5..FF
            }
            low = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
            high = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
        }
    }

    private void atEnd() throws MalformedInputException {
        if (pending > 0) {
            throw bad();
        }
    }

    private MalformedInputException bad() {
        return new MalformedInputException(1);
    }
}
