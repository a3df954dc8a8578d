package dev.fetchlet.it.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Deployments;
import dev.fetchlet.it.harness.OnEachContainer;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With no database configured, the example's database routes run on the embedded H2, on every container the
 * suite deploys the (conformance) WAR to: {@code GET /db}, the todo API, and its input checks (400 in plain
 * words, never a 500, no class name, no SQL).
 */
@OnEachContainer
class H2DefaultTest {
    private final TodoClient client;

    H2DefaultTest(ContainerKind kind) {
        this.client = new TodoClient(Deployments.of(kind));
    }

    @Test
    void getDbAnswersFromTheEmbeddedDatabase() throws Exception {
        HttpResponse<String> r = client.get("/db");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = TodoClient.json(r);
        assertTrue(body.get("success").asBoolean());
        assertTrue(body.get("error").isNull());
        assertEquals(3, body.get("data").size(), r.body());
        assertEquals("grace@example.com", body.get("data").get(1).get("email").asText());
    }

    @Test
    void aTodoGoesThroughItsWholeLife() throws Exception {
        String title = "H2 " + UUID.randomUUID();
        HttpResponse<String> created = client.create(title);
        assertEquals(201, created.statusCode(), created.body());
        long id = TodoClient.json(created).get("id").asLong();
        assertEquals("/api/todos/" + id, created.headers().firstValue("Location").orElse(""));
        assertEquals(title, TodoClient.json(client.get("/api/todos/" + id)).get("title").asText());
        HttpResponse<String> renamed = client.send("PUT", "/api/todos/" + id,
                "{\"title\": \"" + title + " (renamed)\", \"done\": true}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertTrue(TodoClient.json(renamed).get("done").asBoolean());
        assertTrue(client.get("/api/todos?q=" + title.substring(3) + "&limit=5").body().contains("(renamed)"));
        assertEquals(409, client.create(title + " (renamed)").statusCode());
        assertEquals(204, client.send("DELETE", "/api/todos/" + id, null).statusCode());
        assertEquals(404, client.get("/api/todos/" + id).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json", "[1, 2]", "\"a string\"", "null", "{}", "{\"title\": \"\"}", "{\"title\": \"   \"}",
        "{\"title\": 42}", "{\"title\": null}", "{\"title\": [\"a\"]}", "{\"title\": \"ok\", \"done\": \"yes\"}",
        "{\"title\": \"ok\", \"done\": 1}", "{\"title\": \"ok\", \"owner\": \"me\"}", "{\"title\": \"ok\""})
    void aBadTodoIsRefusedWith400(String body) throws Exception {
        HttpResponse<String> r = client.send("POST", "/api/todos", body);
        assertBadRequest(r, body);
    }

    @Test
    void aTitleLongerThan200CharactersIsRefused() throws Exception {
        assertBadRequest(client.create("x".repeat(201)), "201 characters");
        HttpResponse<String> ok = client.create("y".repeat(199) + UUID.randomUUID().toString().charAt(0));
        assertTrue(ok.statusCode() == 201 || ok.statusCode() == 409, ok.body()); // 200 characters fit
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "1.5", "1e3", "99999999999999999999", "%20", "1%20OR%201=1"})
    void anIdThatIsNotAPositiveNumberIs400(String id) throws Exception {
        assertBadRequest(client.get("/api/todos/" + id), id);
        assertBadRequest(client.send("PUT", "/api/todos/" + id, "{\"done\": true}"), id);
        assertBadRequest(client.send("DELETE", "/api/todos/" + id, null), id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?done=yes", "?limit=0", "?limit=101", "?limit=ten"})
    void aBadListQueryIs400(String query) throws Exception {
        assertBadRequest(client.get("/api/todos" + query), query);
    }

    @Test
    void anUpdateWithNothingToChangeIs400AndAMissingTodoIs404() throws Exception {
        assertBadRequest(client.send("PUT", "/api/todos/1", "{}"), "{}");
        HttpResponse<String> missing = client.get("/api/todos/987654321");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("There is no todo 987654321"), missing.body());
    }

    private static void assertBadRequest(HttpResponse<String> r, String input) {
        assertEquals(400, r.statusCode(), input + " -> " + r.body());
        assertFalse(r.body().matches("(?s).*(Exception|java\\.|SELECT|INSERT|UPDATE todo).*"), r.body());
    }
}
