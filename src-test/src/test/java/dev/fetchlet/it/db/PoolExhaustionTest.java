package dev.fetchlet.it.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.Http;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 200 concurrent requests on a pool of 2 whose connections are stuck behind a table lock taken in MariaDB:
 * every request is answered, 200 once the lock goes or 503 with {@code Retry-After} after the pool's wait;
 * none is lost, none hangs, none is a 500. {@code /metrics} shows the pool full meanwhile.
 */
class PoolExhaustionTest {
    private static final int REQUESTS = 200;

    private static MariaDbServer mariaDb;
    private static DbApps.JettyApp app;
    private static TodoClient client;

    @BeforeAll
    static void start() throws Exception {
        mariaDb = MariaDbServer.get();
        String name = mariaDb.freshDatabase("exhaustion_test");
        app = DbApps.onJetty(Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(mariaDb.port()),
                "DB_USER", "root", "DB_NAME", name, "DB_SSL_MODE", "disable",
                "DB_POOL_SIZE", "2", "DB_POOL_TIMEOUT", "250ms"));
        client = new TodoClient(app);
        assertEquals(201, client.create("Exhaust the pool").statusCode()); // tables in place before the lock
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyRequestIsAnswered200Or503WithRetryAfter() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService senders = Executors.newFixedThreadPool(50);
        List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
        double activeSeen;
        double pendingSeen = 0;
        long t0 = System.nanoTime();
        try (Connection locker = mariaDb.connect("exhaustion_test"); Statement lock = locker.createStatement()) {
            lock.execute("LOCK TABLES todo WRITE"); // every read of todo now waits in MariaDB, holding its connection
            HttpRequest list = HttpRequest.newBuilder(app.uri("/api/todos")).timeout(Duration.ofSeconds(15)).build();
            for (int i = 0; i < REQUESTS; i++) {
                replies.add(CompletableFuture.supplyAsync(() -> send(http, list), senders));
            }
            activeSeen = 0;
            for (int i = 0; i < 10; i++) {
                String metrics = Http.to(app).get("/metrics").body();
                activeSeen = Math.max(activeSeen, TodoClient.sample(metrics, "hikaricp_connections_active{pool=\"fetchlet\"}"));
                pendingSeen = Math.max(pendingSeen, TodoClient.sample(metrics, "hikaricp_connections_pending{pool=\"fetchlet\"}"));
                Thread.sleep(50);
            }
            lock.execute("UNLOCK TABLES");
        }
        int ok = 0;
        int unavailable = 0;
        for (CompletableFuture<HttpResponse<String>> f : replies) {
            HttpResponse<String> r = f.get(30, TimeUnit.SECONDS); // a lost or hung request fails here
            if (r.statusCode() == 200) {
                ok++;
            } else {
                assertEquals(503, r.statusCode(), r.body());
                assertEquals("2", r.headers().firstValue("Retry-After").orElse(null));
                assertTrue(r.body().contains("unavailable"), r.body());
                unavailable++;
            }
        }
        senders.shutdownNow();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("Pool exhaustion: " + ok + " x 200, " + unavailable + " x 503 in " + millis + " ms");
        assertEquals(REQUESTS, ok + unavailable);
        assertTrue(unavailable > 0, "the pool of 2 was exhausted");
        assertTrue(ok >= 2, "requests went through once the lock was released");
        assertEquals(2, activeSeen, "both connections in use while the table was locked");
        assertTrue(pendingSeen > 0, "requests were seen waiting for a connection");
        assertEquals(200, client.get("/api/todos").statusCode(), "the pool is healthy afterwards");
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("No answer: " + e, e);
        }
    }
}
