package dev.fetchlet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fetchlet.launcher.testapp.FailingInitializer;

class FetchletServerTest {

    @TempDir
    Path temp;

    @Test
    void servesAnExplodedFolderWithInitializerRoutesAndStaticFiles() throws Exception {
        Path app = TestApps.initializerApp(temp.resolve("app"));
        try (FetchletServer server = localServer(app)) {
            server.start();

            assertResponse(server.uri().resolve("/hello"), 200, "hello");
            assertResponse(server.uri().resolve("/index.html"), 200, TestApps.INDEX_HTML);
            assertResponse(server.uri().resolve("/"), 200, TestApps.INDEX_HTML);
            assertEquals(404, Http.get(server.uri().resolve("/missing")).statusCode());
        }
    }

    @Test
    void servesAWarFile() throws Exception {
        Path war = TestApps.war(TestApps.initializerApp(temp.resolve("app")), temp.resolve("app.war"));
        try (FetchletServer server = localServer(war)) {
            server.start();

            assertResponse(server.uri().resolve("/hello"), 200, "hello");
            assertResponse(server.uri().resolve("/index.html"), 200, TestApps.INDEX_HTML);
        }
    }

    @Test
    void servesAWebXmlApp() throws Exception {
        Path app = TestApps.webXmlApp(temp.resolve("app"));
        try (FetchletServer server = localServer(app)) {
            server.start();

            assertResponse(server.uri().resolve("/hello"), 200, "hello");
            assertEquals(java.util.List.of(), server.routes(), "no route listing published");
        }
    }

    @Test
    void portZeroBindsAFreePortAndTheUriNamesIt() throws Exception {
        Path app = TestApps.initializerApp(temp.resolve("app"));
        try (FetchletServer server = localServer(app)) {
            assertEquals(-1, server.port(), "not bound before start");
            server.start();

            assertTrue(server.port() > 0);
            assertEquals(URI.create("http://127.0.0.1:" + server.port() + "/"), server.uri());
        }
    }

    /**
     * The listening socket's backlog as the kernel reports it (ss's Send-Q for a listener): a burst of
     * connections beyond the JDK's default of 50 would otherwise have its SYNs dropped and retried a second later.
     */
    @Test
    void theListenerQueuesAsManyConnectionsAsTheKernelAllows() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ss")) || Files.isExecutable(Path.of("/bin/ss")),
            "ss (iproute2) reads the backlog of a listening socket");
        // Read as a stream: a /proc file reports a size that has nothing to do with its content.
        int allowed;
        try (InputStream in = Files.newInputStream(Path.of("/proc/sys/net/core/somaxconn"))) {
            allowed = Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        }
        Path app = TestApps.initializerApp(temp.resolve("app"));
        try (FetchletServer server = localServer(app)) {
            server.start();
            Process ss = new ProcessBuilder("ss", "-ltnH", "sport = :" + server.port()).redirectErrorStream(true).start();
            String line = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(0, ss.waitFor(), line);
            String[] columns = line.split("\\s+");
            assertEquals(String.valueOf(Math.min(allowed, FetchletServer.ACCEPT_QUEUE)), columns[2],
                line + " (somaxconn " + allowed + ")");
        }
    }

    @Test
    void routesReadTheListingTheInitializerPublished() throws Exception {
        Path app = TestApps.initializerApp(temp.resolve("app"));
        try (FetchletServer server = localServer(app)) {
            assertEquals(java.util.List.of(), server.routes(), "nothing before start");
            server.start();

            assertEquals(TestApps.MOUNT_ROUTES, server.routes());
        }
    }

    @Test
    void jakartaWebSocketServerContainerIsAvailable() throws Exception {
        Path app = TestApps.initializerApp(temp.resolve("app"));
        try (FetchletServer server = localServer(app)) {
            server.start();

            assertResponse(server.uri().resolve("/websocket-container"), 200, "true");
        }
    }

    @Test
    void folderListingsAreNotServed() throws Exception {
        Path app = TestApps.initializerApp(temp.resolve("app"));
        java.nio.file.Files.createDirectories(app.resolve("assets"));
        try (FetchletServer server = localServer(app)) {
            server.start();

            assertTrue(Http.get(server.uri().resolve("/assets/")).statusCode() >= 400);
        }
    }

    @Test
    void aFailingInitializerFailsTheStart() throws Exception {
        Path app = TestApps.initializerApp(temp.resolve("app"), FailingInitializer.class);
        FetchletServer server = localServer(app);

        LaunchException failure = assertThrows(LaunchException.class, server::start);
        assertTrue(failure.getMessage().contains("init failed on purpose"), failure.getMessage());
        server.stop();
    }

    @Test
    void requestsRunOnPlatformThreadsByDefault() throws Exception {
        Path app = TestApps.initializerApp(temp.resolve("app"));
        try (FetchletServer server = localServer(app)) {
            server.start();

            assertTrue(!server.usesVirtualThreads());
            assertResponse(server.uri().resolve("/thread"), 200, "virtual=false");
        }
    }

    @Test
    void requestsRunOnVirtualThreadsInVirtualModeOnJdk21OrLater() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need a JDK 21+ runtime");
        Path app = TestApps.initializerApp(temp.resolve("app"));
        try (FetchletServer server = FetchletServer.builder().app(app).host("127.0.0.1").port(0)
                .threads(ThreadMode.VIRTUAL).build()) {
            server.start();

            assertTrue(server.usesVirtualThreads());
            assertResponse(server.uri().resolve("/thread"), 200, "virtual=true");
        }
    }

    @Test
    void requestsRunOnPlatformThreadsInEveryModeOnJdk17() throws Exception {
        assumeTrue(Runtime.version().feature() < 21, "only before JDK 21");
        Path app = TestApps.initializerApp(temp.resolve("app"));
        try (FetchletServer server = FetchletServer.builder().app(app).host("127.0.0.1").port(0)
                .threads(ThreadMode.VIRTUAL).build()) {
            server.start();

            assertTrue(!server.usesVirtualThreads());
            assertResponse(server.uri().resolve("/thread"), 200, "virtual=false");
        }
    }

    @Test
    void buildRejectsAMissingAppOrNoApp() {
        assertThrows(IllegalArgumentException.class,
            () -> FetchletServer.builder().app(temp.resolve("nothing-here.war")).build());
        assertThrows(IllegalStateException.class, () -> FetchletServer.builder().build());
        assertThrows(IllegalArgumentException.class, () -> FetchletServer.builder().port(65536));
    }

    @Test
    void anIdleKeepAliveConnectionDoesNotHoldTheStopForTheGracePeriod() throws Exception {
        Path app = TestApps.initializerApp(temp.resolve("app"));
        FetchletServer server = FetchletServer.builder().app(app).host("127.0.0.1").port(0)
            .gracePeriod(Duration.ofSeconds(30)).build();
        server.start();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(15);
            assertEquals("HTTP/1.1 200 OK", new String(head, StandardCharsets.US_ASCII));

            long start = System.nanoTime();
            server.stop();
            long stopMs = (System.nanoTime() - start) / 1_000_000;
            // Well under the 30 s grace period: the drain closes idle connections once nothing runs or waits.
            assertTrue(stopMs < 10_000, "stop took " + stopMs + " ms");
            in.readAllBytes(); // the rest of the answer, then the end of the stream: the server closed it
        } finally {
            server.stop();
        }
    }

    private static FetchletServer localServer(Path app) {
        return FetchletServer.builder()
            .app(app)
            .host("127.0.0.1")
            .port(0)
            .gracePeriod(Duration.ofSeconds(5))
            .build();
    }

    private static void assertResponse(URI uri, int status, String body) throws Exception {
        HttpResponse<String> response = Http.get(uri);
        assertEquals(status, response.statusCode(), uri.toString());
        assertEquals(body, response.body(), uri.toString());
    }
}
