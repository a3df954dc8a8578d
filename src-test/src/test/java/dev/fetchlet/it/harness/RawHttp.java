package dev.fetchlet.it.harness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 exchange as raw bytes over a plain socket to {@code 127.0.0.1}: for malformed requests and
 * headers {@code java.net.http} refuses to send. The request is written exactly as given; the first reply is
 * parsed (interim 1xx replies skipped), its body framed by {@code Content-Length}, chunked encoding, or the
 * end of the connection.
 *
 * <pre>{@code
 * RawHttp.Reply reply = RawHttp.exchange(deployment.port(), RawHttp.crlf("""
 *     GET /api/hello HTTP/1.1
 *     Host: localhost
 *     Connection: close
 *
 *     """));
 * assertEquals(200, reply.status());
 * assertEquals("text/plain;charset=utf-8", reply.header("content-type"));
 * }</pre>
 */
public final class RawHttp {

    /** How long a read may block before the exchange fails. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    private RawHttp() {
    }

    /** Sends the text as UTF-8 and reads the reply, waiting at most {@link #DEFAULT_READ_TIMEOUT} per read. */
    public static Reply exchange(int port, String rawRequestText) throws IOException {
        return exchange(port, rawRequestText.getBytes(StandardCharsets.UTF_8), DEFAULT_READ_TIMEOUT);
    }

    /**
     * Sends the bytes and reads the reply.
     *
     * @throws EOFException if the server closed the connection before sending a status line
     * @throws java.net.SocketTimeoutException if a read waited longer than {@code readTimeout}
     */
    public static Reply exchange(int port, byte[] rawRequest, Duration readTimeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout((int) readTimeout.toMillis());
            socket.getOutputStream().write(rawRequest);
            socket.getOutputStream().flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            return read(in, isHead(rawRequest));
        }
    }

    /** Turns the lone {@code \n} line ends of a text block into the {@code \r\n} HTTP requires. */
    public static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private static boolean isHead(byte[] request) {
        return new String(request, 0, Math.min(request.length, 5), StandardCharsets.ISO_8859_1).equals("HEAD ");
    }

    private static Reply read(InputStream in, boolean head) throws IOException {
        String statusLine;
        int status;
        Map<String, List<String>> headers;
        do {
            statusLine = line(in);
            if (statusLine == null) {
                throw new EOFException("Connection closed before a status line");
            }
            status = parseStatus(statusLine);
            headers = headers(in);
        } while (status >= 100 && status < 200 && status != 101);

        byte[] body;
        String length = first(headers, "content-length");
        String encoding = first(headers, "transfer-encoding");
        if (head || status == 204 || status == 304 || status == 101) {
            body = new byte[0];
        } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in);
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length.trim()));
        } else {
            body = in.readAllBytes();
        }
        return new Reply(statusLine, status, headers, body);
    }

    private static int parseStatus(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("Not an HTTP status line: " + statusLine);
        }
        return Integer.parseInt(parts[1]);
    }

    private static Map<String, List<String>> headers(InputStream in) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String line;
        while ((line = line(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim(), name -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            if (sizeLine == null) {
                throw new EOFException("Connection closed inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                headers(in); // trailers, if any, end with an empty line
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new EOFException("Connection closed inside a chunk");
            }
            body.write(chunk);
            line(in); // the CRLF after the chunk
        }
    }

    /** A line without its CRLF (or bare LF), bytes read as ISO-8859-1; {@code null} at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * A parsed reply.
     *
     * @param statusLine the first line, such as {@code HTTP/1.1 404 Not Found}
     * @param status the status code
     * @param headers every header by case-insensitive name, values in the order received
     * @param bodyBytes the body, de-chunked
     */
    public record Reply(String statusLine, int status, Map<String, List<String>> headers, byte[] bodyBytes) {

        public Reply {
            Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            headers = Collections.unmodifiableMap(copy);
        }

        /** The first value of a header, or {@code null}. */
        public String header(String name) {
            return first(headers, name);
        }

        /** Every value of a header, or an empty list. */
        public List<String> headers(String name) {
            return headers.getOrDefault(name, List.of());
        }

        /** The body decoded as UTF-8. */
        public String body() {
            return new String(bodyBytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return statusLine + " " + headers + " " + body();
        }
    }
}
