package dev.fetchlet.it.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example function logs its CloudEvent's data; run by {@code FunctionMain} in a JVM of its own, with the
 * launcher's own log layout, a customer id carrying CR, LF and a terminal escape stays inside its log line,
 * spelled out, and forges no line of its own.
 */
class LauncherFunctionLogForgingTest {
    private static final String EXAMPLE = "dev.fetchlet.example.function.GreetingFunction";
    private static final String FORGED = "12:00:00.000 INFO  [main] d.f.launcher.Audit - admin logged in";

    @Test
    void cloudEventDataCannotForgeALogLine() throws Exception {
        try (ChildJvm child = ChildJvm.functionMain(List.of(), List.of("--port", "0", "--host", "127.0.0.1", EXAMPLE),
                Map.of())) {
            int port = child.awaitPort();
            String data = "{\"name\": \"Tiger\", \"customerId\": \"42\\r\\n" + FORGED + "\\u001b[2J\"}";
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .header("Content-Type", "application/json").header("Ce-Id", "1")
                    .header("Ce-Source", "log-forging-test").header("Ce-Type", "dev.knative.example")
                    .header("Ce-Specversion", "1.0").POST(HttpRequest.BodyPublishers.ofString(data)).build();

            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());

            String logged = child.awaitLine(line -> line.contains("for customer 42"), Duration.ofSeconds(30));
            assertTrue(logged.endsWith("for customer 42\\r\\n" + FORGED + "\\u001b[2J"), logged);
            for (String line : child.output()) {
                assertFalse(line.startsWith(FORGED), "a forged line: " + line);
                assertFalse(line.contains("\u001b"), "a raw escape character: " + line);
            }
        }
    }
}
