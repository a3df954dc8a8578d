package dev.fetchlet.bench.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A response held in memory, the counterpart of {@link MemoryRequest}: status, header fields and body bytes
 * go into fields and arrays reused from call to call, so that what a benchmark measures is the code under
 * test, not this class. Header fields are kept as set (case-insensitive replace for {@code setHeader}).
 *
 * <pre>{@code
 * MemoryResponse res = new MemoryResponse();
 * servlet.service(req, res);
 * assert res.getStatus() == 200 && res.bodyLength() == 13;
 * res.recycle();
 * }</pre>
 */
public final class MemoryResponse implements HttpServletResponse {
    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private final Body body = new Body();
    private int status = 200;
    private long contentLength = -1;
    private boolean committed;

    /** Clears status, header fields and body for the next call. */
    public void recycle() {
        names.clear();
        values.clear();
        body.length = 0;
        status = 200;
        contentLength = -1;
        committed = false;
    }

    /** How many body bytes were written. */
    public int bodyLength() {
        return body.length;
    }

    /** The declared {@code Content-Length}, or -1. */
    public long contentLength() {
        return contentLength;
    }

    /** An output stream into a growable array that is kept between calls. */
    private final class Body extends ServletOutputStream {
        private byte[] bytes = new byte[8192];
        private int length;

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[length++] = (byte) b;
            committed = true;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, length, len);
            length += len;
            committed = true;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException();
        }
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void setHeader(String name, String value) {
        int i = indexOf(name);
        if (i >= 0) {
            values.set(i, value);
        } else {
            addHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        names.add(name);
        values.add(value);
    }

    @Override
    public String getHeader(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values.get(i);
    }

    @Override public boolean containsHeader(String name) { return indexOf(name) >= 0; }
    @Override public void setContentType(String type) { setHeader("Content-Type", type); }
    @Override public String getContentType() { return getHeader("Content-Type"); }
    @Override public void setContentLength(int len) { contentLength = len; }
    @Override public void setContentLengthLong(long len) { contentLength = len; }
    @Override public void setStatus(int sc) { status = sc; }
    @Override public int getStatus() { return status; }
    @Override public ServletOutputStream getOutputStream() { return body; }
    @Override public boolean isCommitted() { return committed; }
    @Override public void flushBuffer() { committed = true; }
    @Override public void setCharacterEncoding(String charset) { }
    @Override public String getCharacterEncoding() { return "UTF-8"; }
    @Override public void setBufferSize(int size) { }
    @Override public int getBufferSize() { return body.bytes.length; }
    @Override public void setIntHeader(String name, int value) { setHeader(name, Integer.toString(value)); }
    @Override public void addIntHeader(String name, int value) { addHeader(name, Integer.toString(value)); }

    @Override
    public void reset() {
        if (committed) {
            throw new IllegalStateException("committed");
        }
        recycle();
    }

    @Override
    public void resetBuffer() {
        body.length = 0;
    }

    @Override public PrintWriter getWriter() { throw unsupported(); }
    @Override public void setLocale(Locale loc) { throw unsupported(); }
    @Override public Locale getLocale() { throw unsupported(); }
    @Override public void addCookie(Cookie cookie) { throw unsupported(); }
    @Override public String encodeURL(String url) { throw unsupported(); }
    @Override public String encodeRedirectURL(String url) { throw unsupported(); }
    @Override public void sendError(int sc, String msg) { throw unsupported(); }
    @Override public void sendError(int sc) { throw unsupported(); }
    @Override public void sendRedirect(String location) { throw unsupported(); }
    @Override public void setDateHeader(String name, long date) { throw unsupported(); }
    @Override public void addDateHeader(String name, long date) { throw unsupported(); }
    @Override public Collection<String> getHeaders(String name) { throw unsupported(); }
    @Override public Collection<String> getHeaderNames() { throw unsupported(); }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("not needed by the benchmark");
    }
}
