package dev.fetchlet.it.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The launcher's SIGTERM waits for pending {@code waitUntil} work (within the grace period) before the function's
 * {@code shutdown()} and the exit: a function in its own JVM, signalled while its after-response work runs.
 */
class WaitUntilAtSigtermTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void sigtermWaitsForPendingWorkThenShutdownRuns() throws Exception {
        try (ChildJvm child = ChildJvm.functionMain(List.of(),
                List.of("--port", "0", "--host", "127.0.0.1", "--grace-seconds", "20",
                        "dev.fetchlet.it.function.fixtures.LaterFunction"),
                Map.of())) {
            int port = child.awaitPort();
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("answered", r.body());
            child.awaitLine(l -> l.contains("FIXTURE later-start"), Duration.ofSeconds(30));

            child.signal("TERM");

            assertEquals(0, child.awaitExit(Duration.ofSeconds(30)));
            List<String> steps = child.output().stream().filter(l -> l.startsWith("FIXTURE")).toList();
            assertEquals(List.of("FIXTURE later-start", "FIXTURE later-end", "FIXTURE shutdown"), steps,
                    String.join("\n", child.output()));
        }
    }
}
