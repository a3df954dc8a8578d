package dev.fetchlet.it.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 as bytes on a plain socket, for what {@code java.net.http} cannot do: malformed requests, unknown
 * methods, headers it folds or forbids, exact reply bytes, and choosing the local address a request comes
 * from (JDK 17's client cannot bind one). {@link #PROXY} is the address the suite's JVM trusts as a proxy
 * ({@code FUNC_TRUSTED_PROXIES=127.0.0.2}); {@link #CLIENT} is an ordinary, untrusted client.
 *
 * <pre>{@code
 * RawResponse r = Wire.from(Wire.PROXY, port).send(Wire.request("GET", "/conformance/context",
 *         "X-Forwarded-For: 203.0.113.7"));
 * }</pre>
 */
final class Wire {
    static final InetAddress CLIENT = address("127.0.0.1");
    static final InetAddress PROXY = address("127.0.0.2");
    static final InetAddress SERVER = address("127.0.0.1");

    /** How long a read may block: long enough for the 2 s wall-time limit and a 64 MiB body. */
    static final int READ_TIMEOUT_MS = 15_000;

    private final InetAddress local;
    private final int port;

    private Wire(InetAddress local, int port) {
        this.local = local;
        this.port = port;
    }

    /** Requests from the untrusted client address. */
    static Wire to(int port) {
        return new Wire(CLIENT, port);
    }

    static Wire from(InetAddress local, int port) {
        return new Wire(local, port);
    }

    /**
     * {@code METHOD target HTTP/1.1} with {@code Host} and {@code Connection: close}, then {@code headerLines}
     * ("Name: value" each, sent as given), then the blank line. No body.
     */
    static String request(String method, String target, String... headerLines) {
        StringBuilder sb = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: conformance.test\r\n")
                .append("Connection: close\r\n");
        for (String h : headerLines) {
            sb.append(h).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    /** A socket from this wire's local address to the server, not yet written to. */
    Socket open() throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(local, 0));
        s.connect(new InetSocketAddress(SERVER, port), 5_000);
        s.setSoTimeout(READ_TIMEOUT_MS);
        return s;
    }

    /** Sends {@code raw} (ISO-8859-1) and reads one reply, then whatever follows it until the server closes. */
    RawResponse send(String raw) throws IOException {
        return send(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawResponse send(byte[] raw) throws IOException {
        boolean head = startsWith(raw, "HEAD ");
        try (Socket s = open()) {
            s.getOutputStream().write(raw);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            RawResponse r = RawResponse.read(in, head);
            return r.withTrailing(drain(s, in));
        }
    }

    /**
     * Reads what the server sends after a reply until it closes the connection (a short wait: the requests
     * ask for {@code Connection: close}). Null if it neither sent nor closed in time.
     */
    static byte[] drain(Socket s, InputStream in) throws IOException {
        s.setSoTimeout(3_000);
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                rest.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return rest.size() == 0 ? null : rest.toByteArray();
        } catch (SocketException e) {
            // reset after the reply: the server dropped the connection, which is a close too
        }
        return rest.toByteArray();
    }

    /** Writes {@code n} bytes of {@code 'x'} in chunks of {@code chunk} as HTTP/1.1 chunked coding, no last chunk. */
    static void writeChunks(OutputStream out, long n, int chunk) throws IOException {
        byte[] data = new byte[chunk];
        java.util.Arrays.fill(data, (byte) 'x');
        byte[] crlf = {'\r', '\n'};
        for (long left = n; left > 0; ) {
            int len = (int) Math.min(left, chunk);
            out.write(Integer.toHexString(len).getBytes(StandardCharsets.US_ASCII));
            out.write(crlf);
            out.write(data, 0, len);
            out.write(crlf);
            left -= len;
        }
        out.flush();
    }

    static void writeLastChunk(OutputStream out) throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static boolean startsWith(byte[] raw, String prefix) {
        if (raw.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (raw[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
