package dev.fetchlet.it.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** {@link RawHttp}'s reply parsing, against canned replies from a one-shot socket server. */
class RawHttpTest {

    private static final String REQUEST = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";

    @Test
    void decodesChunkedBodiesAndSkipsInterimReplies() throws Exception {
        RawHttp.Reply reply = exchangeWith("""
            HTTP/1.1 100 Continue\r
            \r
            HTTP/1.1 200 OK\r
            Transfer-Encoding: chunked\r
            Set-Cookie: a=1\r
            set-cookie: b=2\r
            \r
            5;ext=1\r
            hello\r
            7\r
            , world\r
            0\r
            Trailer: x\r
            \r
            """);

        assertEquals(200, reply.status());
        assertEquals("hello, world", reply.body());
        assertEquals(List.of("a=1", "b=2"), reply.headers("SET-COOKIE"));
    }

    @Test
    void readsContentLengthOrUntilClose() throws Exception {
        assertEquals("abc", exchangeWith("HTTP/1.1 201 Created\r\nContent-Length: 3\r\n\r\nabcdef").body());
        RawHttp.Reply untilClose = exchangeWith("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\nbad request");
        assertEquals(400, untilClose.status());
        assertEquals("close", untilClose.header("connection"));
        assertEquals("bad request", untilClose.body());
    }

    @Test
    void aClosedConnectionWithoutReplyIsAnError() {
        assertThrows(EOFException.class, () -> exchangeWith(""));
    }

    /** Serves one connection: reads the request head, writes the canned reply, closes. */
    private static RawHttp.Reply exchangeWith(String cannedReply) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (Socket socket = server.accept()) {
                    socket.getInputStream().readNBytes(REQUEST.length());
                    socket.getOutputStream().write(cannedReply.getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                return RawHttp.exchange(server.getLocalPort(), REQUEST.getBytes(StandardCharsets.UTF_8),
                    Duration.ofSeconds(5));
            } finally {
                served.join();
            }
        }
    }
}
