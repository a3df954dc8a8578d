package dev.fetchlet.launcher.dev;

import static dev.fetchlet.launcher.dev.DevFolder.handler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.launcher.RawExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dev server answers only requests addressed to a loopback name, so that a web page cannot read it through
 * DNS rebinding: raw sockets to 127.0.0.1 with the {@code Host} a rebinding page's browser would send.
 */
class LauncherDevHostCheckTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private DevFolder app;

    @BeforeEach
    void folder() {
        app = new DevFolder(dir)
                .write("functions/api/hello.java", handler("functions.api", "Hello", "Response.text(\"hello\")"))
                .write("public/index.html", "<p>static page</p>");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"evil.example", "evil.example:%d", "EVIL.example", "localhost.evil.example",
        "127.0.0.1.nip.io:%d", "example.localhost.evil.example", "10.0.0.7", "[::2]:%d", "0.0.0.0:%d"})
    void aForeignHostIs403BeforeAnyRoute(String host) throws IOException {
        app.start();
        RawExchange reply = get("/api/hello", host.formatted(app.port()));

        assertEquals(403, reply.status(), reply.toString());
        assertFalse(reply.body().contains("hello"), "no handler ran: " + reply);
        assertTrue(reply.body().startsWith("{\"error\":\"Forbidden\""), reply.toString());
        assertNoServerHeader(reply);
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"localhost:%d", "localhost", "LocalHost:%d", "localhost.:%d", "app.localhost:%d",
        "127.0.0.1:%d", "127.0.0.1", "[::1]:%d", "[::1]"})
    void aLoopbackHostIsServed(String host) throws IOException {
        app.start();
        RawExchange reply = get("/api/hello", host.formatted(app.port()));

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("hello", reply.body());
        assertNoServerHeader(reply);
    }

    @Test
    void staticFilesAreProtectedAlike() throws IOException {
        app.start();
        assertEquals(403, get("/index.html", "evil.example").status());
        assertEquals(200, get("/index.html", "localhost").status());
    }

    @Test
    void theCompileErrorPageIsProtectedToo() throws IOException {
        app.start();
        app.write("functions/api/hello.java", handler("functions.api", "Hello", "Response.text(\"v2\") oops"));
        app.await("/api/hello", r -> r.statusCode() == 500, DEADLINE);

        RawExchange foreign = get("/api/hello", "evil.example:" + app.port());
        RawExchange own = get("/api/hello", "localhost:" + app.port());

        assertEquals(403, foreign.status(), foreign.toString());
        assertFalse(foreign.body().contains("Compile error"), foreign.toString());
        assertFalse(foreign.body().contains("hello.java"), foreign.toString());
        assertEquals(500, own.status(), own.toString());
        assertTrue(own.body().contains("Compile error"), own.toString());
    }

    @Test
    void aMissingEmptyOrRepeatedHostIs400() throws IOException {
        app.start();
        for (String headers : List.of("", "Host: \r\n", "Host: localhost\r\nHost: localhost\r\n")) {
            RawExchange reply = RawExchange.send(app.port(),
                    "GET /api/hello HTTP/1.1\r\n" + headers + "Connection: close\r\n\r\n");
            assertEquals(400, reply.status(), reply.toString());
            assertFalse(reply.body().contains("hello"), reply.toString());
            assertNoServerHeader(reply);
        }
    }

    @Test
    void anAbsoluteFormTargetNamingAnotherHostIs403() throws IOException {
        app.start();
        RawExchange reply = RawExchange.send(app.port(), "GET http://evil.example/api/hello HTTP/1.1\r\n"
                + "Host: evil.example\r\nConnection: close\r\n\r\n");
        assertEquals(403, reply.status(), reply.toString());
    }

    @Test
    void allowedHostsAddNamesAndDomains() throws IOException {
        app.start(List.of("myapp.test", ".example.test"));

        assertEquals(200, get("/api/hello", "myapp.test:" + app.port()).status());
        assertEquals(200, get("/api/hello", "MyApp.Test").status());
        assertEquals(200, get("/api/hello", "example.test").status());
        assertEquals(200, get("/api/hello", "a.b.example.test:" + app.port()).status());
        assertEquals(200, get("/api/hello", "localhost").status(), "loopback names stay allowed");
        assertEquals(403, get("/api/hello", "other.test").status());
        assertEquals(403, get("/api/hello", "notexample.test").status());
        assertEquals(403, get("/api/hello", "myapp.test.evil.example").status());
    }

    @Test
    void anAsteriskTurnsTheCheckOff() throws IOException {
        app.start(List.of("*"));
        assertEquals(200, get("/api/hello", "evil.example").status());
    }

    @Test
    void theDevServersOwnErrorsNameNoServer() throws IOException {
        app.start();
        RawExchange missing = get("/no/such/file.txt", "localhost");
        RawExchange broken = RawExchange.send(app.port(), "GET / HTTP/1.1 extra\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");

        assertEquals(404, missing.status(), missing.toString());
        assertEquals("{\"error\":\"Not Found\"}", missing.body());
        assertNoServerHeader(missing);
        assertEquals(400, broken.status(), broken.toString());
        assertNoServerHeader(broken);
    }

    private RawExchange get(String path, String host) throws IOException {
        return RawExchange.send(app.port(), "GET " + path + " HTTP/1.1\r\nHost: " + host
                + "\r\nConnection: close\r\n\r\n");
    }

    private static void assertNoServerHeader(RawExchange reply) {
        assertNull(reply.header("Server"), reply::toString);
        String text = reply.lowerCase();
        assertFalse(text.contains("jetty") || text.contains("12.1") || text.contains("exception"), reply::toString);
    }
}
