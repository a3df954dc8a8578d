package dev.fetchlet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher refuses a request with more header fields than {@code FUNC_MAX_HEADER_FIELDS} (default 100) while
 * Jetty parses it: 431 with the short JSON body, before the app (here a servlet-only WAR, so no Fetchlet code
 * counts them) sees it. Raw sockets to a real launcher.
 */
class HeaderFieldLimitTest {
    private static final String TAIL = "Host: 127.0.0.1\r\nConnection: close\r\n\r\n";

    @TempDir
    static Path temp;
    private static FetchletServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestApps.startOnLoopback(TestApps.initializerApp(temp.resolve("app")), HeaderFieldLimit.DEFAULT);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** {@code count} header lines, then {@code Host} and {@code Connection}. */
    private static String get(int count, IntFunction<String> line) {
        StringBuilder request = new StringBuilder("GET /hello HTTP/1.1\r\n");
        for (int i = 0; i < count; i++) {
            request.append(line.apply(i)).append("\r\n");
        }
        return request.append(TAIL).toString();
    }

    @Test
    void theDefaultLimitIsAHundredFields() throws Exception {
        RawExchange atLimit = RawExchange.send(server.port(), get(98, i -> "X-Field-" + i + ": " + i));
        assertEquals(200, atLimit.status(), atLimit::toString);

        RawExchange past = RawExchange.send(server.port(), get(99, i -> "X-Field-" + i + ": " + i));
        assertRefused(past);
    }

    @Test
    void fieldsOfOneNameCountOneEach() throws Exception {
        assertRefused(RawExchange.send(server.port(), get(150, i -> "X-Same: " + i)));
    }

    @Test
    void thousandsOfTinyFieldsAreRefusedLikeAFew() throws Exception {
        // 1,500 fields in under 8 KB: within Jetty's size limit, so only the count refuses them.
        RawExchange reply = RawExchange.send(server.port(), get(1_500, i -> Integer.toString(i, 36) + ":"));
        assertRefused(reply);
    }

    @Test
    void theCountStartsAgainWithEachRequestOnAConnection() throws Exception {
        String keepAlive = get(90, i -> "X-Field-" + i + ": " + i).replace("Connection: close", "Connection: keep-alive");
        RawExchange replies = RawExchange.send(server.port(), keepAlive + keepAlive + get(90, i -> "X-Again-" + i + ": 1"));
        Matcher ok = Pattern.compile("HTTP/1\\.1 200 ").matcher(replies.head() + "\r\n\r\n" + replies.body());
        int answered = 0;
        while (ok.find()) {
            answered++;
        }
        assertEquals(3, answered, replies::toString);
    }

    @Test
    void aLimitSetOnTheBuilderApplies() throws Exception {
        FetchletServer strict = TestApps.startOnLoopback(TestApps.initializerApp(temp.resolve("strict")), 5);
        try {
            assertEquals(200, RawExchange.send(strict.port(), get(3, i -> "X-Field-" + i + ": 1")).status());
            assertRefused(RawExchange.send(strict.port(), get(4, i -> "X-Field-" + i + ": 1")));
        } finally {
            strict.stop();
        }
        assertThrows(IllegalArgumentException.class, () -> FetchletServer.builder().maxHeaderFields(0));
    }

    @Test
    void theLimitIsReadLikeTheAppReadsIt() {
        Properties none = new Properties();
        assertEquals(100, HeaderFieldLimit.fromProcess(none, Map.of()));
        assertEquals(40, HeaderFieldLimit.fromProcess(none, Map.of("FUNC_MAX_HEADER_FIELDS", " 40 ")));
        Properties system = new Properties();
        system.setProperty("FUNC_MAX_HEADER_FIELDS", "300");
        assertEquals(300, HeaderFieldLimit.fromProcess(system, Map.of("FUNC_MAX_HEADER_FIELDS", "40")));
        for (String bad : new String[] {"0", "-1", "many", "1.5", "99999999999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeaderFieldLimit.fromProcess(none, Map.of("FUNC_MAX_HEADER_FIELDS", bad)));
            assertTrue(e.getMessage().contains("FUNC_MAX_HEADER_FIELDS"), e.getMessage());
        }
    }

    private static void assertRefused(RawExchange reply) {
        assertEquals(431, reply.status(), reply::toString);
        assertTrue(reply.header("Content-Type").startsWith("application/json"), reply::toString);
        assertEquals("{\"error\":\"Request Header Fields Too Large\"}", reply.body().trim(), reply::toString);
        LauncherDisclosureTest.assertNoDisclosure(reply);
    }
}
