package dev.fetchlet.it.conformance;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 reply as it came off the wire: status, every header field in order (repeats kept apart), the
 * body after de-chunking, and the bytes that followed the reply before the server closed.
 *
 * @param trailing bytes sent after the reply's end; null if the server neither closed nor sent more in time
 */
record RawResponse(int status, String statusLine, List<Map.Entry<String, String>> headers, byte[] body,
                   byte[] trailing) {

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, case-insensitively; null if absent. */
    String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** Every value of a header, each field separately, in order. */
    List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                values.add(h.getValue());
            }
        }
        return values;
    }

    /** Whether the server closed the connection after this reply (rather than keeping it or sending more). */
    boolean closedAfter() {
        return trailing != null && trailing.length == 0;
    }

    RawResponse withTrailing(byte[] rest) {
        return new RawResponse(status, statusLine, headers, body, rest);
    }

    @Override
    public String toString() {
        String t = text();
        return statusLine + " " + headers + " body=" + (t.length() > 300 ? t.substring(0, 300) + "..." : t);
    }

    /** Reads one reply from {@code in}; {@code head} says it answers a HEAD request, so has no body. */
    static RawResponse read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        while (statusLine.startsWith("HTTP/1.1 1") && !statusLine.startsWith("HTTP/1.1 101")) {
            // an interim 100 Continue: skip it and its (empty) header block
            while (!line(in).isEmpty()) {
                // skip
            }
            statusLine = line(in);
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String l; !(l = line(in)).isEmpty(); ) {
            int colon = l.indexOf(':');
            headers.add(Map.entry(l.substring(0, colon).trim(), l.substring(colon + 1).trim()));
        }
        RawResponse r = new RawResponse(status, statusLine, headers, new byte[0], null);
        if (head || status == 204 || status == 304) {
            return r;
        }
        String te = r.header("Transfer-Encoding");
        String cl = r.header("Content-Length");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            while (true) {
                String size = line(in);
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    while (!line(in).isEmpty()) {
                        // trailer fields
                    }
                    break;
                }
                body.write(in.readNBytes(n));
                line(in);
            }
        } else if (cl != null) {
            int n = Integer.parseInt(cl);
            byte[] b = in.readNBytes(n);
            if (b.length < n) {
                throw new EOFException("body ended after " + b.length + " of " + n + " bytes");
            }
            body.write(b);
        } else {
            body.write(in.readAllBytes());
        }
        return new RawResponse(status, statusLine, headers, body.toByteArray(), null);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new EOFException("connection closed mid-line after '" + b.toString(StandardCharsets.ISO_8859_1) + "'");
            }
            b.write(c);
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
