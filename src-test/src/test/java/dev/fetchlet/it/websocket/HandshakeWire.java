package dev.fetchlet.it.websocket;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A WebSocket opening handshake written byte for byte on a plain socket, for the handshakes no WebSocket client
 * would send (missing or malformed keys, other versions, HTTP/1.0, other methods), and what came back: the reply's
 * head and body, and whatever the server sent after the reply.
 *
 * <pre>{@code
 * HandshakeWire.Reply r = HandshakeWire.send(port, "GET /chat/x HTTP/1.1\r\nHost: a\r\n...\r\n\r\n");
 * r.status();   // 400
 * r.after();    // bytes that followed the reply: none for a refused handshake
 * }</pre>
 */
public final class HandshakeWire {
    /** How long to wait for bytes after the reply: a frame sent on open would come well within it. */
    private static final int AFTER_REPLY_WAIT_MS = 500;

    private HandshakeWire() {
    }

    /**
     * The reply to a handshake.
     *
     * @param after what the server sent after the reply (after the 101's head, for an accepted handshake) before
     *     it closed or went quiet for half a second
     */
    public record Reply(int status, String statusLine, List<Map.Entry<String, String>> headers, String body, byte[] after) {
        /** The first value of a header, case-insensitively; null if absent. */
        public String header(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return statusLine + " " + headers + " body=" + body + " then " + after.length + " bytes";
        }
    }

    /** Sends {@code request} (ISO-8859-1) to 127.0.0.1 and reads the reply and what follows it. */
    public static Reply send(int port, String request) throws IOException {
        return send(null, port, request);
    }

    /** Like {@link #send(int, String)}, from the local address {@code from} (a trusted proxy's, say); null: any. */
    public static Reply send(InetAddress from, int port, String request) throws IOException {
        try (Socket s = new Socket()) {
            if (from != null) {
                s.bind(new InetSocketAddress(from, 0));
            }
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(15_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            String statusLine = line(in);
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
            boolean head = request.startsWith("HEAD ");
            String body = status == 101 || head ? "" : body(s, in, headers);
            return new Reply(status, statusLine, headers, body, after(s, in));
        }
    }

    /** The {@code Sec-WebSocket-Accept} a server must answer to {@code key} (RFC 6455, section 4.2.2). */
    public static String acceptFor(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(
                    (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * What the server sent after its reply, for a failure message: the first frame's kind (with a close frame's
     * code and reason), or the bytes in hex when they hold no whole frame.
     *
     * <pre>{@code
     * describe(after)   // "close frame 1008 'No such connection'", "text frame (6 bytes)", "nothing"
     * }</pre>
     */
    public static String describe(byte[] bytes) {
        if (bytes.length == 0) {
            return "nothing";
        }
        int length = shortFrameLength(bytes);
        if (length < 0) {
            return bytes.length + " bytes: " + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 64));
        }
        int opcode = bytes[0] & 0x0F;
        if (opcode == 8 && length >= 2) {
            int code = ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
            return "close frame " + code + " '" + new String(bytes, 4, length - 2, StandardCharsets.UTF_8) + "'";
        }
        String kind = opcode == 1 ? "text" : opcode == 2 ? "binary" : opcode == 8 ? "close" : "opcode " + opcode;
        return kind + " frame (" + length + " bytes)" + (bytes.length > 2 + length ? " and more" : "");
    }

    // The payload length of the unmasked frame shorter than 126 bytes that bytes starts with; -1 when it holds none.
    private static int shortFrameLength(byte[] bytes) {
        if (bytes.length < 2 || (bytes[1] & 0x80) != 0 || (bytes[1] & 0x7F) > 125) {
            return -1;
        }
        int length = bytes[1] & 0x7F;
        return bytes.length < 2 + length ? -1 : length;
    }

    /**
     * The text of the first frame in {@code bytes}, if it is one unmasked text frame shorter than 126 bytes;
     * inflated if the server compressed it (RSV1, permessage-deflate, RFC 7692).
     */
    public static String firstTextFrame(byte[] bytes) throws DataFormatException {
        int length = shortFrameLength(bytes);
        if (length < 0 || (bytes[0] & 0x0F) != 1) {
            return null;
        }
        if ((bytes[0] & 0x40) == 0) {
            return new String(bytes, 2, length, StandardCharsets.UTF_8);
        }
        Inflater inflater = new Inflater(true);
        try {
            byte[] compressed = Arrays.copyOfRange(bytes, 2, 2 + length + 4);
            compressed[length] = 0;
            compressed[length + 1] = 0;
            compressed[length + 2] = (byte) 0xFF;
            compressed[length + 3] = (byte) 0xFF;
            inflater.setInput(compressed);
            byte[] out = new byte[1024];
            int n = inflater.inflate(out);
            return new String(out, 0, n, StandardCharsets.UTF_8);
        } finally {
            inflater.end();
        }
    }

    private static String body(Socket s, InputStream in, List<Map.Entry<String, String>> headers)
            throws IOException {
        String length = null;
        boolean chunked = false;
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase("Content-Length")) {
                length = h.getValue();
            } else if (h.getKey().equalsIgnoreCase("Transfer-Encoding")) {
                chunked = h.getValue().toLowerCase(Locale.ROOT).contains("chunked");
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int n; (n = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0; line(in)) {
                body.write(in.readNBytes(n));
            }
            while (!line(in).isEmpty()) {
                // trailer fields
            }
        } else if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length)));
        } else {
            // No length: the body ends where the server closes (RFC 9112, 6.3); one server sends such a reply
            // and keeps the connection open, so a pause ends it too.
            return new String(after(s, in), StandardCharsets.UTF_8);
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private static byte[] after(Socket s, InputStream in) throws IOException {
        s.setSoTimeout(AFTER_REPLY_WAIT_MS);
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                rest.write(buf, 0, n);
            }
        } catch (SocketTimeoutException | SocketException e) {
            // quiet, or reset: either way nothing more came
        }
        return rest.toByteArray();
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
