package dev.fetchlet.it.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The one-command launcher, run as a user runs it: a JVM of its own serving the example function, the seed's
 * curl command sent to it with the real curl, SIGTERM while a request is in flight, a failing init().
 */
class FunctionMainTest {
    private static final String EXAMPLE = "dev.fetchlet.example.function.GreetingFunction";

    /** The seed's command, character for character, but for the address: a free port on loopback. */
    private static final String SEED_CURL = """
            curl -X POST -d '{"name": "Tiger", "customerId": "0123456789"}' \\
            -H'Content-type: application/json' \\
            -H'Ce-id: 1' \\
            -H'Ce-source: cloud-event-example' \\
            -H'Ce-type: dev.knative.example' \\
            -H'Ce-specversion: 1.0' \\
            http://localhost:8080""";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String curl(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command + " 2>/dev/null").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "curl failed: " + out);
        return out;
    }

    @Test
    void theSeedWalkthroughWorks() throws Exception {
        try (ChildJvm child = ChildJvm.functionMain(List.of(), List.of("--port", "0", "--host", "127.0.0.1", EXAMPLE),
                Map.of())) {
            int port = child.awaitPort();
            String command = SEED_CURL.replace("http://localhost:8080", "http://127.0.0.1:" + port);

            String body = curl(command);
            Map<?, ?> data = new ObjectMapper().readValue(body, Map.class);
            assertEquals(Map.of("message", "Hello, Tiger!", "customerId", "0123456789"), data);

            String headers = curl(command + " -s -o /dev/null -D -").toLowerCase();
            assertTrue(headers.startsWith("http/1.1 200"), headers);
            assertTrue(headers.contains("ce-type: dev.knative.example.greeting"), headers);
            assertTrue(headers.contains("ce-specversion: 1.0"), headers);

            assertEquals("OK", curl("curl -s http://127.0.0.1:" + port + "/health/readiness"));
            assertEquals("OK", curl("curl -s http://127.0.0.1:" + port + "/health/liveness"));

            child.signal("TERM");
            assertEquals(0, child.awaitExit(Duration.ofSeconds(30)), "a graceful stop exits 0");
        }
    }

    @Test
    void funcPortWinsOverPort() throws Exception {
        int funcPort = freePort();
        int port = freePort();
        try (ChildJvm child = ChildJvm.functionMain(List.of(), List.of("--host", "127.0.0.1", EXAMPLE),
                Map.of("FUNC_PORT", Integer.toString(funcPort), "PORT", Integer.toString(port)))) {
            assertEquals(funcPort, child.awaitPort());
        }
        try (ChildJvm child = ChildJvm.functionMain(List.of(), List.of("--host", "127.0.0.1", EXAMPLE),
                Map.of("PORT", Integer.toString(port)))) {
            assertEquals(port, child.awaitPort(), "Knative's PORT when FUNC_PORT is unset");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void sigtermLetsTheInFlightRequestFinishThenShutdownRunsOnce() throws Exception {
        try (ChildJvm child = ChildJvm.functionMain(List.of(),
                List.of("--port", "0", "--host", "127.0.0.1", "dev.fetchlet.it.function.fixtures.SlowFunction"),
                Map.of())) {
            int port = child.awaitPort();
            CompletableFuture<HttpResponse<String>> reply = HTTP.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            child.awaitLine(l -> l.contains("FIXTURE handle-start"), Duration.ofSeconds(30));

            child.signal("TERM"); // while the request is in flight; Process.destroy() would close our end of its output

            HttpResponse<String> r = reply.get(30, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode());
            assertEquals("done", r.body());
            assertEquals(0, child.awaitExit(Duration.ofSeconds(30)));
            List<String> steps = child.output().stream().filter(l -> l.startsWith("FIXTURE")).toList();
            assertEquals(List.of("FIXTURE handle-start", "FIXTURE handle-end", "FIXTURE shutdown"), steps,
                    String.join("\n", child.output()));
        }
    }

    @Test
    void aFailingInitStopsTheDeployment() throws Exception {
        try (ChildJvm child = ChildJvm.functionMain(List.of(),
                List.of("--port", "0", "--host", "127.0.0.1", "dev.fetchlet.it.function.fixtures.FailingInitFunction"),
                Map.of())) {
            assertEquals(1, child.awaitExit(Duration.ofSeconds(90)), String.join("\n", child.output()));
            assertTrue(child.output().stream().anyMatch(l -> l.contains("model file missing")),
                    String.join("\n", child.output()));
            assertTrue(child.output().stream().noneMatch(l -> l.contains("Fetchlet listening")));
        }
    }
}
