package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fetchlet.launcher.FetchletServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The integration test: the packaged WAR, as deployed, on the embedded launcher on 127.0.0.1, over HTTP. */
class ApplicationIT {
    private static FetchletServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = FetchletServer.builder()
                .app(Path.of(System.getProperty("app.war")))
                .host("127.0.0.1")
                .port(0)
                .gracePeriod(Duration.ofSeconds(2))
                .build();
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return server.uri().resolve(path);
    }

    @Test
    void helloIsServedFromTheWar() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/hello?name=grace%20hopper")));
        assertEquals(200, r.statusCode());
        assertEquals("Hello, Grace Hopper!", r.body());
    }

    @Test
    void theFunctionAnswersEventsAtTheRoot() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Tiger\", \"customerId\": \"42\"}"))
                .header("Content-Type", "application/json").header("Ce-id", "1").header("Ce-source", "test")
                .header("Ce-type", "dev.knative.example").header("Ce-specversion", "1.0"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("42", r.headers().firstValue("ce-subject").orElse(null));
    }

    @Test
    void theProbesTheManifestsUseAnswer() throws Exception {
        for (String path : new String[] {"/health/liveness", "/health/readiness"}) {
            assertEquals(200, send(HttpRequest.newBuilder(uri(path))).statusCode(), path);
        }
    }
}
