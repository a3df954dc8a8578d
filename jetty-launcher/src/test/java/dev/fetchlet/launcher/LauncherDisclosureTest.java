package dev.fetchlet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The launcher never names its server: no {@code Server} or {@code X-Powered-By} header on any response, and
 * the errors Jetty answers by itself, inside the web app or before it, carry Fetchlet's short JSON body rather
 * than Jetty's HTML page with its version, the request's URI, an exception's class or a stack trace. Raw
 * sockets, so that each malformed request reaches the server exactly as written.
 */
class LauncherDisclosureTest {

    /** Words none of the replies may hold: the product, its version, Java class and stack-trace shapes. */
    private static final List<String> TELLTALES = List.of(
        "jetty", "12.1", "eclipse", "powered", "exception", "java.", "dev.fetchlet", "\tat ", "servlet", "<html",
        "secret detail");

    private static final String TAIL = "Host: 127.0.0.1\r\nConnection: close\r\n\r\n";

    @TempDir
    static Path temp;
    private static FetchletServer server;

    @BeforeAll
    static void start() throws Exception {
        Path app = TestApps.initializerApp(temp.resolve("app"));
        Files.createDirectories(app.resolve("docs"));
        Files.writeString(app.resolve("docs/readme.txt"), "a static file in a folder without an index");
        server = TestApps.startOnLoopback(app, HeaderFieldLimit.DEFAULT);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static Stream<Arguments> errorsJettyAnswers() {
        String longHeader = "X-Filler: " + "a".repeat(20_000) + "\r\n";
        return Stream.of(
            Arguments.of("unrouted path, static 404", "GET /no/such/file.txt HTTP/1.1\r\n" + TAIL, 404),
            Arguments.of("404 asked for as HTML", "GET /missing HTTP/1.1\r\nAccept: text/html\r\n" + TAIL, 404),
            Arguments.of("404 accepting only images", "GET /missing HTTP/1.1\r\nAccept: image/png\r\n" + TAIL, 404),
            Arguments.of("404 for a DELETE", "DELETE /missing HTTP/1.1\r\n" + TAIL, 405),
            Arguments.of("protected WEB-INF", "GET /WEB-INF/lib/testapp.jar HTTP/1.1\r\n" + TAIL, 404),
            Arguments.of("folder without index, no listing", "GET /docs/ HTTP/1.1\r\n" + TAIL, 403),
            Arguments.of("405 on a static file", "PUT /index.html HTTP/1.1\r\nContent-Length: 0\r\n" + TAIL, 405),
            Arguments.of("servlet exception, 500", "GET /throws?token=abc HTTP/1.1\r\n" + TAIL, 500),
            Arguments.of("ambiguous encoded slash", "GET /docs%2Freadme.txt HTTP/1.1\r\n" + TAIL, 400),
            Arguments.of("dot segments above the root", "GET /../../etc/passwd HTTP/1.1\r\n" + TAIL, 400),
            Arguments.of("bad percent-encoding", "GET /%zz HTTP/1.1\r\n" + TAIL, 400),
            Arguments.of("method not a token", "G(T / HTTP/1.1\r\n" + TAIL, 400),
            Arguments.of("lower-case version", "GET / http/1.1\r\n" + TAIL, 400),
            Arguments.of("extra word in the request line", "GET / HTTP/1.1 extra\r\n" + TAIL, 400),
            Arguments.of("unsupported version", "GET / HTTP/2.5\r\n" + TAIL, 505),
            Arguments.of("header line without a colon", "GET / HTTP/1.1\r\nNoColonHere\r\n" + TAIL, 400),
            Arguments.of("bare LF line ends", "GET / HTTP/1.1\nHost: 127.0.0.1\nConnection: close\n\n", 400),
            Arguments.of("malformed Host", "GET / HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n", 400),
            Arguments.of("no Host", "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", 400),
            Arguments.of("431 header block too large", "GET / HTTP/1.1\r\n" + longHeader + TAIL, 431),
            Arguments.of("414 target too long", "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n" + TAIL, 414),
            Arguments.of("asterisk target outside the web app", "GET * HTTP/1.1\r\n" + TAIL, 400),
            Arguments.of("OPTIONS * outside the web app", "OPTIONS * HTTP/1.1\r\n" + TAIL, 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorsJettyAnswers")
    void answersWithoutNamingTheServer(String name, String request, int status) throws Exception {
        RawExchange reply = RawExchange.send(server.port(), request);

        assertEquals(status, reply.status(), reply.toString());
        assertNoDisclosure(reply);
        if (status >= 400) {
            assertEquals(ShortErrors.body(status), reply.body(), reply.toString());
            assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.toString());
        }
    }

    @Test
    void aServedPageCarriesNoServerHeader() throws Exception {
        RawExchange reply = RawExchange.send(server.port(), "GET /hello HTTP/1.1\r\n" + TAIL);

        assertEquals(200, reply.status(), reply.toString());
        assertEquals("hello", reply.body());
        assertNoDisclosure(reply);
    }

    @Test
    void aHeadErrorHasNoBodyAndNoServerHeader() throws Exception {
        RawExchange reply = RawExchange.send(server.port(), "HEAD /missing HTTP/1.1\r\n" + TAIL);

        assertEquals(404, reply.status(), reply.toString());
        assertEquals("", reply.body());
        assertNoDisclosure(reply);
    }

    @Test
    void theFunctionLauncherAppAnswersAlike(@TempDir Path staticFolder) throws Exception {
        // FunctionMain serves classpath apps; their static 404 and parser errors take the same path.
        try (FetchletServer functions = FetchletServer.builder().classpathApp(staticFolder).host("127.0.0.1")
                .port(0).gracePeriod(Duration.ZERO).build()) {
            functions.start();
            RawExchange missing = RawExchange.send(functions.port(), "GET /missing HTTP/1.1\r\n" + TAIL);
            RawExchange broken = RawExchange.send(functions.port(), "GET / HTTP/1.1 extra\r\n" + TAIL);

            assertEquals(404, missing.status(), missing.toString());
            assertEquals(ShortErrors.body(404), missing.body());
            assertNoDisclosure(missing);
            assertEquals(400, broken.status(), broken.toString());
            assertNoDisclosure(broken);
        }
    }

    @Test
    void aWarsOwnErrorPageStillWins() throws Exception {
        Path app = TestApps.initializerApp(temp.resolve("error-page-app"));
        Files.writeString(app.resolve("not-found.html"), "our own page");
        Files.createDirectories(app.resolve("WEB-INF"));
        Files.writeString(app.resolve("WEB-INF/web.xml"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
              <error-page><error-code>404</error-code><location>/not-found.html</location></error-page>
            </web-app>
            """);
        try (FetchletServer own = FetchletServer.builder().app(app).host("127.0.0.1").port(0)
                .gracePeriod(Duration.ZERO).build()) {
            own.start();
            RawExchange reply = RawExchange.send(own.port(), "GET /missing HTTP/1.1\r\n" + TAIL);

            assertEquals(404, reply.status(), reply.toString());
            assertEquals("our own page", reply.body());
            assertNoDisclosure(reply);
        }
    }

    static void assertNoDisclosure(RawExchange reply) {
        assertNull(reply.header("Server"), reply::toString);
        assertNull(reply.header("X-Powered-By"), reply::toString);
        String text = reply.lowerCase();
        for (String telltale : TELLTALES) {
            assertFalse(text.contains(telltale), () -> "'" + telltale + "' in\n" + reply);
        }
    }
}
