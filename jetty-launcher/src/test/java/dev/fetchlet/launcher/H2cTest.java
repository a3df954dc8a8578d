package dev.fetchlet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's port speaks h2c (HTTP/2 over cleartext) beside HTTP/1.1, as Knative's runtime contract asks. */
class H2cTest {

    @TempDir
    Path temp;

    @Test
    void priorKnowledgeHttp2AndHttp11AreAnsweredOnTheSamePort() throws Exception {
        Path app = TestApps.initializerApp(temp.resolve("app"));
        try (FetchletServer server = FetchletServer.builder().app(app).host("127.0.0.1").port(0)
                .gracePeriod(Duration.ofSeconds(1)).build()) {
            server.start();
            // Jetty's HTTP/2 transport over an http:// URI sends the connection preface at once (prior knowledge),
            // as `curl --http2-prior-knowledge` does.
            HttpClient h2 = new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client()));
            h2.start();
            try {
                ContentResponse response = h2.newRequest(server.uri().resolve("/hello"))
                        .timeout(10, TimeUnit.SECONDS).send();
                assertEquals(HttpVersion.HTTP_2, response.getVersion());
                assertEquals(200, response.getStatus());
                assertEquals(TestApps.INDEX_HTML, h2.newRequest(server.uri().resolve("/index.html"))
                        .timeout(10, TimeUnit.SECONDS).send().getContentAsString());
            } finally {
                h2.stop();
            }
            var http11 = Http.get(server.uri().resolve("/index.html"));
            assertEquals(200, http11.statusCode());
            assertEquals(java.net.http.HttpClient.Version.HTTP_1_1, http11.version());
        }
    }

    @Test
    void aStopWithAnOpenHttp2ConnectionEndsItWithoutWaitingOutTheGracePeriod() throws Exception {
        Path app = TestApps.initializerApp(temp.resolve("app"));
        FetchletServer server = FetchletServer.builder().app(app).host("127.0.0.1").port(0)
                .gracePeriod(Duration.ofSeconds(10)).build();
        server.start();
        HttpClient h2 = new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client()));
        h2.start();
        try {
            assertEquals(200, h2.newRequest(server.uri().resolve("/hello")).timeout(10, TimeUnit.SECONDS).send()
                    .getStatus());
            // As Knative's queue-proxy does, the client keeps its connection open; the stop must close it (GOAWAY)
            // once no stream is in flight, rather than wait for the client until the grace period runs out.
            long start = System.nanoTime();
            server.stop();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 5_000, "stopped after " + millis + " ms");
        } finally {
            h2.stop();
            server.stop();
        }
    }

    @Test
    void anUpgradeToH2cIsDeclinedAndTheRequestAnsweredInHttp11() throws Exception {
        Path app = TestApps.initializerApp(temp.resolve("app"));
        try (FetchletServer server = FetchletServer.builder().app(app).host("127.0.0.1").port(0)
                .gracePeriod(Duration.ofSeconds(1)).build()) {
            server.start();
            // The JDK client prefers HTTP/2 and so asks "Upgrade: h2c" on a cleartext connection (RFC 9113
            // deprecates that upgrade); it must get its answer in HTTP/1.1.
            java.net.http.HttpClient jdk = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_2).build();
            var response = jdk.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve("/index.html")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals(java.net.http.HttpClient.Version.HTTP_1_1, response.version());
            assertEquals(TestApps.INDEX_HTML, response.body());

            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
            }
        }
    }
}
