package dev.fetchlet.servlet.middleware;

import dev.fetchlet.Headers;
import dev.fetchlet.Response;
import dev.fetchlet.internal.MediaType;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The servlet response that what lies behind middleware writes to (a static file, a mounted app, an error reply),
 * held back so that middleware can see it as a Fetch {@link Response} and change it before anything is sent.
 *
 * <p>It holds status, headers and up to {@code limit} bytes of body. A downstream that writes more than that,
 * flushes an event stream ({@code text/event-stream}), or goes asynchronous {@linkplain #commit() commits} it: what is held goes out, and the rest streams
 * through, so a large file or an endless stream is never held whole. Once {@linkplain #release() released} it
 * passes everything straight through to the container's response (which then carries the final answer).
 *
 * <p>Threading: an asynchronous downstream may write from another thread; the state changes and the held body
 * are guarded by this object's lock.
 */
public final class CapturedResponse extends HttpServletResponseWrapper {
    private enum State { CAPTURING, COMMITTED, RELEASED }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final HttpServletResponse real;
    private final int limit;
    private State state = State.CAPTURING;
    private int status = 200;
    private final Headers headers = new Headers();
    private String characterEncoding;
    private boolean errorSent;
    private String errorMessage;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private CaptureStream stream;
    private PrintWriter writer;

    /**
     * @param limit the most body bytes held back before the response is committed and streams
     */
    public CapturedResponse(HttpServletResponse real, int limit) {
        super(real);
        this.real = real;
        this.limit = limit;
    }

    /** Whether nothing has gone out yet and the response is still held. */
    public synchronized boolean capturing() {
        return state == State.CAPTURING;
    }

    /** Whether the downstream answered with {@code sendError}, which the container renders. */
    public synchronized boolean errorSent() {
        return errorSent;
    }

    public synchronized String errorMessage() {
        return errorMessage;
    }

    /** Sends what is held and lets the rest through; nothing when no longer capturing. */
    public synchronized void commit() throws IOException {
        if (state != State.CAPTURING) {
            return;
        }
        flushWriter();
        state = State.COMMITTED;
        headers.forEach(real::addHeader);
        if (errorSent) {
            real.sendError(status, errorMessage);
            return;
        }
        real.setStatus(status);
        if (body.size() > 0) {
            real.getOutputStream().write(body.toByteArray());
        }
        real.flushBuffer();
    }

    /** Drops what is held, if anything, and passes everything through from now on. */
    public synchronized void release() {
        if (state == State.CAPTURING) {
            state = State.RELEASED;
            body.reset();
        }
    }

    /** The container's response, for writing to directly once {@linkplain #release() released}. */
    public synchronized HttpServletResponse released() {
        if (state != State.RELEASED) {
            throw new IllegalStateException("the response is still held or was committed: " + state);
        }
        return real;
    }

    /**
     * What is held, as a Fetch response: status, headers and body. For {@code HEAD} a {@code Content-Length} the
     * downstream declared is kept, since the body it describes is not there.
     */
    public synchronized Response toResponse(boolean head) {
        flushWriter();
        byte[] bytes = body.toByteArray();
        Response r = bytes.length == 0 ? Response.empty(status)
                : Response.bytes(bytes, "application/octet-stream").status(status);
        r.headers().delete("Content-Type");
        headers.forEach((name, value) -> {
            boolean framing = name.equalsIgnoreCase("Transfer-Encoding")
                    || (name.equalsIgnoreCase("Content-Length") && !(head && bytes.length == 0));
            if (!framing) {
                r.headers().append(name, value);
            }
        });
        return r;
    }

    /** What went out when the response was committed, as a response that can no longer change. */
    public synchronized Response sentView() {
        Response r = Response.empty(real.getStatus());
        for (String name : real.getHeaderNames()) {
            for (String value : real.getHeaders(name)) {
                try {
                    r.headers().append(name, value);
                } catch (IllegalArgumentException e) {
                    // a container's own header that the Fetch rules refuse: not shown
                }
            }
        }
        return r;
    }

    /**
     * The header fields the downstream set on the servlet response whose names {@code answer} does not have, as
     * alternating names and values: what merges into its Fetch response. Nothing is copied when none is missing.
     */
    public synchronized List<String> heldMissingFrom(Headers answer) {
        List<String> missing = new ArrayList<>(); // its array comes with the first field missing
        headers.forEach((name, value) -> {
            if (!answer.has(name)) {
                missing.add(name);
                missing.add(value);
            }
        });
        return missing;
    }

    private synchronized boolean eventStream() {
        String type = headers.first("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    private void flushWriter() {
        if (writer != null && state == State.CAPTURING) {
            writer.flush();
        }
    }

    private synchronized void write(byte[] b, int off, int len) throws IOException {
        if (state == State.CAPTURING) {
            body.write(b, off, len);
            if (body.size() > limit) {
                commit();
            }
            return;
        }
        if (state == State.COMMITTED || state == State.RELEASED) {
            real.getOutputStream().write(b, off, len);
        }
    }

    // -------- status and errors

    @Override
    public synchronized void setStatus(int sc) {
        if (state == State.CAPTURING) {
            status = sc;
        } else {
            real.setStatus(sc);
        }
    }

    @Override
    public synchronized int getStatus() {
        return state == State.CAPTURING ? status : real.getStatus();
    }

    @Override
    public synchronized void sendError(int sc, String msg) throws IOException {
        if (state != State.CAPTURING) {
            real.sendError(sc, msg);
            return;
        }
        body.reset();
        status = sc;
        errorSent = true;
        errorMessage = msg;
    }

    @Override
    public void sendError(int sc) throws IOException {
        sendError(sc, null);
    }

    @Override
    public synchronized void sendRedirect(String location) throws IOException {
        if (state != State.CAPTURING) {
            real.sendRedirect(location);
            return;
        }
        body.reset();
        status = 302;
        headers.set("Location", location);
    }

    // -------- headers

    @Override
    public synchronized void setHeader(String name, String value) {
        if (state != State.CAPTURING) {
            real.setHeader(name, value);
        } else if (value == null) {
            headers.delete(name);
        } else if (name.equalsIgnoreCase("Content-Type")) {
            setContentType(value);
        } else {
            headers.set(name, value);
        }
    }

    @Override
    public synchronized void addHeader(String name, String value) {
        if (state != State.CAPTURING) {
            real.addHeader(name, value);
        } else if (value != null) {
            headers.append(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    @Override
    public void setDateHeader(String name, long date) {
        setHeader(name, HTTP_DATE.format(Instant.ofEpochMilli(date)));
    }

    @Override
    public void addDateHeader(String name, long date) {
        addHeader(name, HTTP_DATE.format(Instant.ofEpochMilli(date)));
    }

    @Override
    public synchronized boolean containsHeader(String name) {
        return state == State.CAPTURING ? headers.has(name) : real.containsHeader(name);
    }

    @Override
    public synchronized String getHeader(String name) {
        return state == State.CAPTURING ? headers.first(name) : real.getHeader(name);
    }

    @Override
    public synchronized Collection<String> getHeaders(String name) {
        return state == State.CAPTURING ? List.copyOf(headers.getAll(name)) : real.getHeaders(name);
    }

    @Override
    public synchronized Collection<String> getHeaderNames() {
        return state == State.CAPTURING ? List.copyOf(headers.names()) : real.getHeaderNames();
    }

    @Override
    public synchronized void setContentType(String type) {
        if (state != State.CAPTURING) {
            real.setContentType(type);
            return;
        }
        if (type == null) {
            headers.delete("Content-Type");
            return;
        }
        String value = type;
        if (characterEncoding != null && !type.toLowerCase(Locale.ROOT).contains("charset=")
                && type.toLowerCase(Locale.ROOT).startsWith("text/")) {
            value = type + ";charset=" + characterEncoding;
        }
        headers.set("Content-Type", value);
    }

    @Override
    public synchronized String getContentType() {
        return state == State.CAPTURING ? headers.first("Content-Type") : real.getContentType();
    }

    @Override
    public synchronized void setCharacterEncoding(String charset) {
        if (state != State.CAPTURING) {
            real.setCharacterEncoding(charset);
            return;
        }
        characterEncoding = charset;
        String type = headers.first("Content-Type");
        if (type != null && charset != null) {
            int semicolon = type.indexOf(';');
            headers.set("Content-Type", (semicolon < 0 ? type : type.substring(0, semicolon)) + ";charset=" + charset);
        }
    }

    @Override
    public synchronized String getCharacterEncoding() {
        if (state != State.CAPTURING) {
            return real.getCharacterEncoding();
        }
        String type = headers.first("Content-Type");
        String charset = MediaType.parameter(type, "charset");
        if (charset != null) {
            return charset;
        }
        if (characterEncoding != null) {
            return characterEncoding;
        }
        // Nothing chosen yet: what the container would answer for this response. JSON is UTF-8 by definition
        // (RFC 8259), which the containers that infer a charset from the type assume too; for anything else
        // the held response asks the real one, which knows the web app's default response encoding.
        String essence = MediaType.essence(type);
        if (essence.equals("application/json") || essence.startsWith("application/") && essence.endsWith("+json")) {
            return StandardCharsets.UTF_8.name();
        }
        String real = this.real.getCharacterEncoding();
        return real != null ? real : StandardCharsets.ISO_8859_1.name();
    }

    @Override
    public void setContentLength(int len) {
        setContentLengthLong(len);
    }

    @Override
    public synchronized void setContentLengthLong(long len) {
        if (state != State.CAPTURING) {
            real.setContentLengthLong(len);
        } else if (len < 0) {
            headers.delete("Content-Length");
        } else {
            headers.set("Content-Length", Long.toString(len));
        }
    }

    // -------- body

    @Override
    public synchronized ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new CaptureStream();
        }
        return stream;
    }

    @Override
    public synchronized PrintWriter getWriter() throws IOException {
        if (writer == null) {
            Charset charset;
            try {
                charset = Charset.forName(getCharacterEncoding());
            } catch (RuntimeException e) {
                charset = StandardCharsets.ISO_8859_1;
            }
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        // Like a flush of the stream: servers' static file servlets call it at the end of an ordinary file too
        // (Open Liberty), so only an event stream is sent at once.
        if (!capturing()) {
            real.flushBuffer();
        } else if (eventStream()) {
            commit();
            real.flushBuffer();
        }
    }

    @Override
    public synchronized boolean isCommitted() {
        return state != State.CAPTURING && real.isCommitted();
    }

    @Override
    public synchronized void reset() {
        if (state != State.CAPTURING) {
            real.reset();
            return;
        }
        status = 200;
        for (String name : List.copyOf(headers.names())) {
            headers.delete(name);
        }
        body.reset();
        errorSent = false;
        errorMessage = null;
    }

    @Override
    public synchronized void resetBuffer() {
        if (state != State.CAPTURING) {
            real.resetBuffer();
        } else {
            body.reset();
        }
    }

    /** The body stream handed to the downstream: held while capturing, straight through after. */
    private final class CaptureStream extends ServletOutputStream {
        @Override
        public void write(int b) throws IOException {
            CapturedResponse.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            CapturedResponse.this.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            // Frameworks flush at the end of an ordinary body too, so only an event stream's flush sends at once;
            // any other body goes out when it passes the limit or the downstream returns.
            if (!capturing()) {
                real.getOutputStream().flush();
            } else if (eventStream()) {
                commit();
                real.getOutputStream().flush();
            }
        }

        @Override
        public boolean isReady() {
            return capturing() || readyThrough();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            try {
                commit(); // non-blocking output is the container's: it cannot be held back
            } catch (IOException e) {
                listener.onError(e);
                return;
            }
            try {
                passThrough().setWriteListener(listener);
            } catch (IOException e) {
                listener.onError(e);
            }
        }

        private boolean readyThrough() {
            try {
                return passThrough().isReady();
            } catch (IOException e) {
                return false;
            }
        }

        private ServletOutputStream passThrough() throws IOException {
            return real.getOutputStream();
        }
    }
}
