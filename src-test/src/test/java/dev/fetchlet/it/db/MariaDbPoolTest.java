package dev.fetchlet.it.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pool built from {@code DB_HOST}/{@code DB_PORT}/{@code DB_USER}/{@code DB_PASSWORD}/{@code DB_NAME},
 * against a real MariaDB: the template's {@code GET /db}, the todo API's whole life cycle, rows checked in the
 * database itself, and the pool's gauges in {@code /metrics}.
 */
class MariaDbPoolTest {
    private static MariaDbServer mariaDb;
    private static DbApps.JettyApp app;
    private static TodoClient client;

    @BeforeAll
    static void start() throws Exception {
        mariaDb = MariaDbServer.get();
        String name = mariaDb.freshDatabase("pool_test");
        app = DbApps.onJetty(Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(mariaDb.port()),
                "DB_USER", "root", "DB_PASSWORD", "", "DB_NAME", name, "DB_POOL_SIZE", "4", "DB_SSL_MODE", "disable"));
        client = new TodoClient(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void getDbAnswersTheTemplatesContractFromTheSeededUserTable() throws Exception {
        HttpResponse<String> r = client.get("/db");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = TodoClient.json(r);
        assertTrue(body.get("success").asBoolean());
        assertTrue(body.get("error").isNull());
        assertEquals(3, body.get("data").size(), r.body());
        assertEquals("Ada Lovelace", body.get("data").get(0).get("name").asText());
        try (Connection c = mariaDb.connect("pool_test"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM user")) {
            rs.next();
            assertEquals(3, rs.getInt(1), "the app created and seeded the table in MariaDB itself");
        }
    }

    @Test
    void aTodoIsCreatedReadListedUpdatedAndDeleted() throws Exception {
        HttpResponse<String> created = client.create("Write the release notes");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode todo = TodoClient.json(created);
        long id = todo.get("id").asLong();
        assertTrue(id > 0);
        assertEquals("Write the release notes", todo.get("title").asText());
        assertFalse(todo.get("done").asBoolean());
        assertEquals("/api/todos/" + id, created.headers().firstValue("Location").orElse(""));

        HttpResponse<String> read = client.get("/api/todos/" + id);
        assertEquals(200, read.statusCode());
        assertEquals(todo, TodoClient.json(read));

        HttpResponse<String> updated = client.send("PUT", "/api/todos/" + id, "{\"done\": true}");
        assertEquals(200, updated.statusCode(), updated.body());
        assertTrue(TodoClient.json(updated).get("done").asBoolean());
        assertEquals("Write the release notes", TodoClient.json(updated).get("title").asText());
        try (Connection c = mariaDb.connect("pool_test"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT done FROM todo WHERE id = " + id)) {
            assertTrue(rs.next() && rs.getBoolean(1), "the update reached MariaDB");
        }

        HttpResponse<String> list = client.get("/api/todos?done=true");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("\"id\":" + id), list.body());

        assertEquals(204, client.send("DELETE", "/api/todos/" + id, null).statusCode());
        assertEquals(404, client.get("/api/todos/" + id).statusCode());
        assertEquals(404, client.send("DELETE", "/api/todos/" + id, null).statusCode());
        assertEquals(404, client.send("PUT", "/api/todos/" + id, "{\"done\": false}").statusCode());
    }

    @Test
    void aSecondTodoWithATakenTitleIsAConflict() throws Exception {
        assertEquals(201, client.create("Unique title").statusCode());
        HttpResponse<String> again = client.create("Unique title");
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("already exists"), again.body());
        long other = TodoClient.json(client.create("Another title")).get("id").asLong();
        HttpResponse<String> rename = client.send("PUT", "/api/todos/" + other, "{\"title\": \"Unique title\"}");
        assertEquals(409, rename.statusCode(), rename.body());
    }

    @Test
    void metricsShowThePoolsConnections() throws Exception {
        client.get("/db");
        String metrics = client.get("/metrics").body();
        String pool = "{pool=\"fetchlet\"}";
        assertEquals(4, TodoClient.sample(metrics, "hikaricp_connections_max" + pool), metrics);
        assertTrue(TodoClient.sample(metrics, "hikaricp_connections_idle" + pool) >= 0, metrics);
        assertTrue(TodoClient.sample(metrics, "hikaricp_connections_active" + pool) >= 0, metrics);
        assertEquals(0, TodoClient.sample(metrics, "hikaricp_connections_pending" + pool), metrics);
        assertTrue(metrics.contains("faas_invocations_total"), "the adapter's own series are still there");
    }
}
