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
final class StrictUtf8InputStream extends FilterInputStream {
    private final Utf8Check utf8 = new Utf8Check();

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
        if (!utf8.accept(b)) {
            throw bad();
        }
    }

    private void atEnd() throws MalformedInputException {
        if (utf8.inSequence()) {
            throw bad();
        }
    }

    private MalformedInputException bad() {
        return new MalformedInputException(1);
    }
}
