package dev.fetchlet.observe;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A response that counts the body bytes written through it, streamed or not, for the access log. Used only
 * while the access log is on. A writer's characters are counted in the bytes of the response's charset, as
 * the container encodes them; the container's own writer still does the writing, so its rules hold.
 */
final class CountingResponse extends HttpServletResponseWrapper {
    private final AtomicLong bytes = new AtomicLong();
    private ServletOutputStream out;
    private PrintWriter writer;

    CountingResponse(HttpServletResponse response) {
        super(response);
    }

    /** The body bytes written so far. */
    long bytes() {
        return bytes.get();
    }

    @Override
    public synchronized ServletOutputStream getOutputStream() throws IOException {
        if (out == null) {
            out = new CountingStream(super.getOutputStream(), bytes);
        }
        return out;
    }

    @Override
    public synchronized PrintWriter getWriter() throws IOException {
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            writer = new PrintWriter(new CountingWriter(super.getWriter(), charset, bytes));
        }
        return writer;
    }

    private static final class CountingStream extends ServletOutputStream {
        private final ServletOutputStream out;
        private final AtomicLong bytes;

        CountingStream(ServletOutputStream out, AtomicLong bytes) {
            this.out = out;
            this.bytes = bytes;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes.addAndGet(len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }

    private static final class CountingWriter extends Writer {
        private final PrintWriter out;
        private final Charset charset;
        private final boolean utf8;
        private final AtomicLong bytes;

        CountingWriter(PrintWriter out, Charset charset, AtomicLong bytes) {
            this.out = out;
            this.charset = charset;
            this.utf8 = charset.equals(StandardCharsets.UTF_8);
            this.bytes = bytes;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            out.write(buf, off, len);
            bytes.addAndGet(utf8 ? utf8Length(buf, off, len) : new String(buf, off, len).getBytes(charset).length);
        }

        @Override
        public void write(String s, int off, int len) {
            write(s.toCharArray(), off, len);
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.close();
        }

        // UTF-8 length without encoding: a surrogate pair is 4 bytes, 2 counted per half.
        private static long utf8Length(char[] buf, int off, int len) {
            long n = 0;
            for (int i = off; i < off + len; i++) {
                char c = buf[i];
                n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            }
            return n;
        }
    }
}
