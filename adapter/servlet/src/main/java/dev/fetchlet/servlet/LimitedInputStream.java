package dev.fetchlet.servlet;

import dev.fetchlet.HttpException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that refuses to be read past the body limit: the read that would cross it throws a 413
 * {@link HttpException}, so a chunked body of unknown length is cut off before it is held in memory.
 */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        // Ask for at most one byte past the limit: enough to notice the excess without reading more of it.
        long room = limit - count + 1;
        int n = super.read(buf, off, (int) Math.min(len, Math.max(room, 1)));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit - count + 1));
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) {
        count += n;
        if (count > limit) {
            throw tooLarge(limit);
        }
    }

    static HttpException tooLarge(long limit) {
        return HttpException.payloadTooLarge("The request body exceeds the limit of " + limit + " bytes");
    }
}
