package dev.fetchlet.it.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQL injection attempts in every input the database routes take (the path's id, the list's query
 * parameters, the JSON fields' values and names), against a real MariaDB: each is refused with 400 or stored and
 * matched as plain text, and afterwards both tables are intact with exactly the rows the test expects.
 */
class SqlInjectionTest {
    private static final String DB = "injection_test";
    private static final String[] PAYLOADS = {
        "1 OR 1=1", "1; DROP TABLE todo", "' OR '1'='1", "'; DROP TABLE todo; --", "1' UNION SELECT * FROM user --",
        "\" OR \"\"=\"", "%' OR 1=1 #", "\\'; DELETE FROM user; --", "1/**/OR/**/1=1", "x' AND SLEEP(5) --",
    };

    private static MariaDbServer mariaDb;
    private static DbApps.JettyApp app;
    private static TodoClient client;

    @BeforeAll
    static void start() throws Exception {
        mariaDb = MariaDbServer.get();
        mariaDb.freshDatabase(DB);
        app = DbApps.onJetty(Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(mariaDb.port()),
                "DB_USER", "root", "DB_NAME", DB, "DB_SSL_MODE", "disable"));
        client = new TodoClient(app);
        assertEquals(201, client.create("The only real todo").statusCode());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @AfterEach
    void bothTablesAreIntact() throws Exception {
        try (Connection c = mariaDb.connect(DB); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM user")) {
                rs.next();
                assertEquals(3, rs.getInt(1), "user rows");
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM todo WHERE title = 'The only real todo'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the real todo");
            }
        }
    }

    @Test
    void inThePathTheIdIsRefused() throws Exception {
        for (String payload : PAYLOADS) {
            String path = "/api/todos/" + URLEncoder.encode(payload, StandardCharsets.UTF_8).replace("+", "%20");
            assertEquals(400, client.get(path).statusCode(), payload);
            assertEquals(400, client.send("PUT", path, "{\"done\": true}").statusCode(), payload);
            assertEquals(400, client.send("DELETE", path, null).statusCode(), payload);
        }
    }

    @Test
    void inTheQueryTheSearchMatchesLiterallyAndTheFiltersAreRefused() throws Exception {
        for (String payload : PAYLOADS) {
            String q = URLEncoder.encode(payload, StandardCharsets.UTF_8);
            HttpResponse<String> search = client.get("/api/todos?q=" + q);
            assertEquals(200, search.statusCode(), payload);
            assertEquals("[]", search.body(), "no title contains " + payload);
            assertEquals(400, client.get("/api/todos?done=" + q).statusCode(), payload);
            assertEquals(400, client.get("/api/todos?limit=" + q).statusCode(), payload);
        }
        HttpResponse<String> all = client.get("/api/todos?q=" + URLEncoder.encode("%", StandardCharsets.UTF_8));
        assertEquals("[]", all.body(), "a % is a character to find, not a wildcard");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'; DROP TABLE todo; --", "' OR '1'='1", "x'); DELETE FROM user; --",
        "Robert'); DROP TABLE todo;--", "\\\\'; TRUNCATE user; #"})
    void inAJsonValueThePayloadIsStoredAsPlainText(String payload) throws Exception {
        HttpResponse<String> created = client.create(payload);
        assertEquals(201, created.statusCode(), created.body());
        long id = TodoClient.json(created).get("id").asLong();
        assertEquals(payload, TodoClient.json(client.get("/api/todos/" + id)).get("title").asText());
        String renamed = payload + " (2)";
        HttpResponse<String> put = client.send("PUT", "/api/todos/" + id, "{\"title\": " + TodoClient.quote(renamed) + "}");
        assertEquals(renamed, TodoClient.json(put).get("title").asText());
        HttpResponse<String> found = client.get("/api/todos?q=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
        assertTrue(found.body().contains("\"id\":" + id), found.body());
        try (Connection c = mariaDb.connect(DB);
             var q = c.prepareStatement("SELECT title FROM todo WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(renamed, rs.getString(1), "stored byte for byte");
            }
        }
        assertEquals(204, client.send("DELETE", "/api/todos/" + id, null).statusCode());
    }

    @Test
    void inAJsonFieldNameOrTypeThePayloadIsRefused() throws Exception {
        for (String payload : PAYLOADS) {
            String asName = "{" + TodoClient.quote(payload) + ": \"x\", \"title\": \"y\"}";
            HttpResponse<String> r = client.send("POST", "/api/todos", asName);
            assertEquals(400, r.statusCode(), r.body());
            assertFalse(r.body().contains("SQL"), r.body());
            String asDone = "{\"title\": \"z\", \"done\": " + TodoClient.quote(payload) + "}";
            assertEquals(400, client.send("POST", "/api/todos", asDone).statusCode(), payload);
        }
    }
}
