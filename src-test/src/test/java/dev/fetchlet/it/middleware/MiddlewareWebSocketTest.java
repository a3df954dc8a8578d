package dev.fetchlet.it.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Deployment;
import dev.fetchlet.it.harness.Deployments;
import dev.fetchlet.it.harness.OnEachContainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A middleware in front of a WebSocket route ({@code /conformance/mw-ws}) can refuse the upgrade with its own
 * answer, and can add headers to the 101 when it lets it through; after the 101 it no longer applies. Raw
 * sockets, so the handshake's status and headers are seen exactly.
 */
@OnEachContainer
class MiddlewareWebSocketTest {
    private final Deployment deployment;

    MiddlewareWebSocketTest(ContainerKind kind) {
        this.deployment = Deployments.of(kind);
    }

    @Test
    void aMiddlewareRefusesTheUpgradeWithItsOwnAnswer() throws IOException {
        try (Socket socket = handshake("/conformance/mw-ws/echo")) {
            String head = readHead(socket.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 403"), head);
        }
    }

    @Test
    void aMiddlewareLetsTheUpgradeThroughAndTheSocketWorks() throws IOException {
        try (Socket socket = handshake("/conformance/mw-ws/echo?ticket=ok")) {
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 101"), head);
            assertTrue(head.toLowerCase().contains("x-gate: passed"), "the middleware's header is on the 101: " + head);
            OutputStream out = socket.getOutputStream();
            byte[] text = "hello".getBytes(StandardCharsets.UTF_8);
            byte[] mask = {1, 2, 3, 4};
            out.write(new byte[] {(byte) 0x81, (byte) (0x80 | text.length)});
            out.write(mask);
            for (int i = 0; i < text.length; i++) {
                out.write(text[i] ^ mask[i % 4]);
            }
            out.flush();
            int opcode = in.read();
            int length = in.read();
            assertEquals(0x81, opcode);
            assertEquals("hello", new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
    }

    private Socket handshake(String pathAndQuery) throws IOException {
        Socket socket = new Socket("127.0.0.1", deployment.port());
        socket.setSoTimeout(10_000);
        String request = "GET " + pathAndQuery + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + deployment.port() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
