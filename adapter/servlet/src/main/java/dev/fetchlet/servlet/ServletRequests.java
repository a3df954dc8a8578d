package dev.fetchlet.servlet;

import dev.fetchlet.Headers;
import dev.fetchlet.Request;
import dev.fetchlet.dispatch.Origin;
import dev.fetchlet.internal.UnreadableBodyException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;

/** Adapts a servlet request into the Fetch model's {@link Request} and {@link Headers}. */
final class ServletRequests {
    private ServletRequests() {
    }

    /**
     * The request's header fields, read from the container once; {@code null} when one is not a valid field (a
     * control character in its value, a name that is no token), which makes the request malformed.
     *
     * <p>The servlet API hands fields out name by name, and a container finds a name's values by walking all the
     * fields, so reading n fields of distinct names costs n walks of n. The fields are counted as they are read,
     * and reading stops past {@code maxFields}: at most {@code maxFields + 1} walks, whatever the client sent.
     *
     * @throws TooManyHeaderFields when the request carries more than {@code maxFields} fields
     */
    static Headers headers(HttpServletRequest req, int maxFields) {
        Headers headers = new Headers();
        Enumeration<String> names = req.getHeaderNames();
        int count = 0;
        while (names != null && names.hasMoreElements()) {
            String name = names.nextElement();
            Enumeration<String> values = req.getHeaders(name);
            while (values != null && values.hasMoreElements()) {
                if (++count > maxFields) {
                    throw new TooManyHeaderFields(maxFields);
                }
                String value = values.nextElement();
                if (MalformedRequests.hasControl(value)) {
                    return null;
                }
                try {
                    headers.append(name, value);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return headers;
    }

    /** The {@code Host} the client addressed, falling back to the server's name and port. */
    static String host(HttpServletRequest req, Headers headers) {
        String host = headers.first("Host");
        if (host != null && !host.isEmpty()) {
            return host;
        }
        int port = req.getServerPort();
        boolean defaultPort = ("http".equals(req.getScheme()) && port == 80) || ("https".equals(req.getScheme()) && port == 443);
        return defaultPort ? req.getServerName() : req.getServerName() + ":" + port;
    }

    /** The path below the context path, still percent-encoded as sent. */
    static String relativePath(HttpServletRequest req) {
        String uri = req.getRequestURI();
        String context = req.getContextPath();
        String path = context.isEmpty() ? uri : uri.substring(Math.min(context.length(), uri.length()));
        return path.isEmpty() ? "/" : path;
    }

    static Request request(HttpServletRequest req, Headers headers, Origin origin, long bodyLimit) throws IOException {
        String query = req.getQueryString();
        // One concatenation sizes the string exactly: no builder buffer to allocate, grow and copy.
        String uri = req.getRequestURI();
        String url = query == null ? origin.scheme() + "://" + origin.host() + uri
                : origin.scheme() + "://" + origin.host() + uri + '?' + query;
        return Request.builder(req.getMethod(), url)
                .target(relativePath(req), query)
                .headers(headers)
                .body(new LazyBody(req, bodyLimit))
                .build();
    }

    /**
     * Opens the servlet's input stream only when the handler reads, so body-less requests never touch it. This
     * is where every body read of a handler, a function or a form passes, so it is where a container's failure
     * to read (malformed chunked framing, an end before {@code Content-Length}, a client that hung up) becomes
     * the client's 400 rather than an {@link IOException} that a handler would let escape as a 500.
     */
    private static final class LazyBody extends InputStream {
        private final HttpServletRequest req;
        private final long limit;
        private InputStream in;

        LazyBody(HttpServletRequest req, long limit) {
            this.req = req;
            this.limit = limit;
        }

        private InputStream in() throws IOException {
            if (in == null) {
                in = new LimitedInputStream(req.getInputStream(), limit);
            }
            return in;
        }

        @Override
        public int read() {
            try {
                return in().read();
            } catch (IOException e) {
                throw new UnreadableBodyException(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) {
            try {
                return in().read(b, off, len);
            } catch (IOException e) {
                throw new UnreadableBodyException(e);
            }
        }

        @Override
        public int available() {
            try {
                return in().available();
            } catch (IOException e) {
                throw new UnreadableBodyException(e);
            }
        }

        @Override
        public long skip(long n) {
            try {
                return in().skip(n);
            } catch (IOException e) {
                throw new UnreadableBodyException(e);
            }
        }

        @Override
        public void close() {
            // The container owns the connection's stream; closing it here would end the exchange early.
        }
    }

    /**
     * A request carrying more header fields than {@code FUNC_MAX_HEADER_FIELDS} allows: the client's mistake,
     * answered 431 (RFC 6585 section 5), so it carries no stack trace.
     */
    static final class TooManyHeaderFields extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyHeaderFields(int limit) {
            super("The request has more than " + limit + " header fields", null, false, false);
        }
    }
}
