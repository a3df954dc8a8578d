package dev.fetchlet.it.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher's header timeout over raw sockets (SPEC section 4): a request line and headers not finished within
 * it close the connection, while other clients are served; requests that finish in time, and idle keep-alive
 * connections, are left alone. The launcher runs with a 2-second timeout.
 */
class HeaderTimeoutTest {

    private static final long TIMEOUT_MS = 2_000;
    private static LauncherJar launcher;

    @BeforeAll
    static void start() throws Exception {
        launcher = LauncherJar.start("--header-timeout-seconds", String.valueOf(TIMEOUT_MS / 1000));
    }

    @AfterAll
    static void stop() {
        launcher.close();
    }

    @Test
    void aConnectionTricklingItsHeadersIsClosedAfterTheTimeoutWhileAnotherClientIsServed() throws Exception {
        try (Socket slow = connect()) {
            OutputStream out = slow.getOutputStream();
            byte[] request = "GET /api/hello HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Trickle: ".getBytes(StandardCharsets.US_ASCII);
            long start = System.nanoTime();
            out.write(request);
            out.flush();
            boolean otherServed = false;
            Long closedAfterMs = null;
            slow.setSoTimeout(50);
            // One byte every 250 ms, far more often than any idle timeout, for up to five times the header timeout.
            while (closedAfterMs == null && elapsedMs(start) < 5 * TIMEOUT_MS) {
                try {
                    out.write('a');
                    out.flush();
                } catch (SocketException e) {
                    closedAfterMs = elapsedMs(start);
                    break;
                }
                if (!otherServed && elapsedMs(start) > TIMEOUT_MS / 2) {
                    RawHttp.Reply reply = RawHttp.exchange(launcher.port(), RawHttp.crlf("""
                        GET /api/hello HTTP/1.1
                        Host: 127.0.0.1
                        Connection: close

                        """));
                    assertEquals(200, reply.status(), "another client, while one trickles: " + reply);
                    otherServed = true;
                }
                if (closedByServer(slow.getInputStream())) {
                    closedAfterMs = elapsedMs(start);
                }
                Thread.sleep(200);
            }
            assertTrue(otherServed, "the other client was served while the slow one trickled");
            assertTrue(closedAfterMs != null, "the trickling connection was still open after " + elapsedMs(start) + " ms");
            assertTrue(closedAfterMs >= TIMEOUT_MS - 100, "closed only after the timeout, not at " + closedAfterMs + " ms");
        }
    }

    @Test
    void headersSentSlowlyButWithinTheTimeoutAreServed() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            for (String part : new String[] {"GET /api/hello HTTP/1.1\r\n", "Host: 127.0.0.1\r\n", "Connection: close\r\n",
                "\r\n"}) {
                out.write(part.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(TIMEOUT_MS / 5);
            }
            socket.setSoTimeout(10_000);
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(reply.startsWith("HTTP/1.1 200 "), reply);
        }
    }

    @Test
    void anIdleKeepAliveConnectionOutlastsTheHeaderTimeout() throws Exception {
        try (Socket socket = connect()) {
            socket.setSoTimeout(10_000);
            assertEquals(200, exchange(socket).status());
            Thread.sleep(TIMEOUT_MS + 1_000); // idle between requests: the idle timeout's business, not this one
            assertEquals(200, exchange(socket).status(), "the second request on the same connection");
        }
    }

    private static StopUnderLoad.Answer exchange(Socket socket) throws IOException {
        socket.getOutputStream().write("GET /api/hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        StopUnderLoad.Answer answer = StopUnderLoad.Answer.read(socket.getInputStream());
        if (answer == null) {
            throw new IOException("closed without an answer");
        }
        return answer;
    }

    private static boolean closedByServer(InputStream in) throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false; // nothing to read yet: still open
        } catch (SocketException e) {
            return true; // reset
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", launcher.port()), 5_000);
        return socket;
    }

    private static long elapsedMs(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
