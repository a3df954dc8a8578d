package dev.fetchlet.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One request written as raw bytes to 127.0.0.1, for the requests {@code java.net.http} will not send (a broken
 * request line, a forged {@code Host}); the reply is read until the server closes the connection, so requests
 * should ask for {@code Connection: close}.
 *
 * @param head the status line and headers as received
 * @param body what followed the blank line
 */
public record RawExchange(String head, String body) {

    /** Sends {@code request} (ISO-8859-1) and reads everything the server answers before it closes. */
    public static RawExchange send(int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // a reset after the reply (the server closes on a bad request) ends the reading too
                if (received.size() == 0) {
                    throw e;
                }
            }
            String text = received.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            return end < 0
                ? new RawExchange(text, "")
                : new RawExchange(text.substring(0, end), text.substring(end + 4));
        }
    }

    /** The status code of the reply, or -1 when none was received. */
    public int status() {
        String[] parts = head.split(" ", 3);
        return parts.length >= 2 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** The whole reply in lower case, for looking for words that must not be there. */
    public String lowerCase() {
        return (head + "\r\n\r\n" + body).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return head + "\r\n\r\n" + body;
    }
}
