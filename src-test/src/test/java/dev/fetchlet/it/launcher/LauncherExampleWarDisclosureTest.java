package dev.fetchlet.it.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fetchlet.it.harness.RawHttp;
import dev.fetchlet.it.harness.Wars;
import dev.fetchlet.launcher.FetchletServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC section 12, "what the server is", for the example WAR on the launcher: no response names Jetty or its
 * version, whether Fetchlet, the static files or Jetty's parser answered it, and the errors Jetty makes by itself
 * carry the same short JSON body as Fetchlet's own. Raw sockets, so that each request arrives as written.
 */
class LauncherExampleWarDisclosureTest {

    private static final List<String> TELLTALES = List.of("jetty", "12.1", "eclipse", "powered by", "exception",
        "java.", "\tat ", "<html><head><meta http-equiv");
    private static final String TAIL = "Host: 127.0.0.1\r\nConnection: close\r\n\r\n";

    private static FetchletServer server;

    @BeforeAll
    static void start() {
        server = FetchletServer.builder().app(Wars.example()).host("127.0.0.1").port(0)
            .gracePeriod(Duration.ofSeconds(1)).build();
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static Stream<Arguments> requests() {
        return Stream.of(
            Arguments.of("a Fetchlet route", "GET /api/hello HTTP/1.1\r\n" + TAIL, 200, null),
            Arguments.of("a static file", "GET /static/style.css HTTP/1.1\r\n" + TAIL, 200, null),
            Arguments.of("an unrouted path", "GET /no/such/page.txt HTTP/1.1\r\n" + TAIL, 404,
                "{\"error\":\"Not Found\"}"),
            Arguments.of("an unrouted path, HTML wanted",
                "GET /no/such/page.txt HTTP/1.1\r\nAccept: text/html\r\n" + TAIL, 404, "{\"error\":\"Not Found\"}"),
            Arguments.of("WEB-INF", "GET /WEB-INF/web.xml HTTP/1.1\r\n" + TAIL, 404, "{\"error\":\"Not Found\"}"),
            Arguments.of("META-INF", "GET /META-INF/MANIFEST.MF HTTP/1.1\r\n" + TAIL, 404, "{\"error\":\"Not Found\"}"),
            Arguments.of("a folder", "GET /static/ HTTP/1.1\r\n" + TAIL, 403, "{\"error\":\"Forbidden\"}"),
            Arguments.of("an encoded slash", "GET /static%2Fstyle.css HTTP/1.1\r\n" + TAIL, 400,
                "{\"error\":\"Bad Request\"}"),
            Arguments.of("a bad escape", "GET /%zz HTTP/1.1\r\n" + TAIL, 400, "{\"error\":\"Bad Request\"}"),
            Arguments.of("a broken request line", "GET / HTTP/1.1 x\r\n" + TAIL, 400, "{\"error\":\"Bad Request\"}"),
            Arguments.of("headers too large", "GET / HTTP/1.1\r\nX-Big: " + "b".repeat(20_000) + "\r\n" + TAIL, 431,
                "{\"error\":\"Request Header Fields Too Large\"}"),
            Arguments.of("a target too long", "GET /" + "t".repeat(20_000) + " HTTP/1.1\r\n" + TAIL, 414,
                "{\"error\":\"URI Too Long\"}"),
            Arguments.of("an unknown version", "GET / HTTP/3.7\r\n" + TAIL, 505,
                "{\"error\":\"HTTP Version Not Supported\"}"),
            Arguments.of("OPTIONS *", "OPTIONS * HTTP/1.1\r\n" + TAIL, 404, "{\"error\":\"Not Found\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void noResponseNamesTheServer(String name, String request, int status, String body) throws Exception {
        RawHttp.Reply reply = RawHttp.exchange(server.port(), request.getBytes(StandardCharsets.ISO_8859_1),
            Duration.ofSeconds(10));

        assertEquals(status, reply.status(), reply.toString());
        assertNull(reply.header("Server"), reply.toString());
        assertNull(reply.header("X-Powered-By"), reply.toString());
        if (body != null) {
            assertEquals(body, reply.body(), reply.toString());
        }
        String text = (reply.headers() + "\n" + reply.body()).toLowerCase(Locale.ROOT);
        for (String telltale : TELLTALES) {
            assertFalse(text.contains(telltale), telltale + " in " + reply);
        }
    }
}
