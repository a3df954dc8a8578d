package dev.fetchlet.it.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SPEC 7, overload protection, on a JVM of its own so the rest of the suite is unaffected: heap pressure and
 * scheduling delay each turn the health checks to 503 with {@code Retry-After: 1} and a reason, and they
 * recover by themselves once the pressure ends.
 */
class OverloadTest {
    private static final String PRESSURE = "dev.fetchlet.it.function.fixtures.PressureFunction";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> awaitReadiness(int port, int status, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpResponse<String> r;
        do {
            r = get(port, "/health/readiness");
            if (r.statusCode() == status) {
                return r;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        fail("readiness stayed " + r.statusCode() + " " + r.body() + " instead of " + status);
        return r;
    }

    @Test
    void heapPressureAnswers503WithRetryAfterAndRecovers() throws Exception {
        try (ChildJvm child = ChildJvm.functionMain(List.of("-Xmx128m", "-XX:+UseG1GC"),
                List.of("--port", "0", "--host", "127.0.0.1", PRESSURE),
                Map.of("FUNC_MAX_HEAP_RATIO", "0.5", "FUNC_MAX_SCHEDULING_DELAY", "off"))) {
            int port = child.awaitPort();
            awaitReadiness(port, 200, Duration.ofSeconds(10));

            // Retain memory step by step until the heap after GC passes half the maximum.
            HttpResponse<String> overloaded = null;
            ObjectMapper json = new ObjectMapper();
            for (int step = 0; step < 12 && overloaded == null; step++) {
                Map<?, ?> state = json.readValue(get(port, "/?retainMb=8").body(), Map.class);
                int retained = (Integer) state.get("retainedMb");
                int max = ((Number) state.get("maxHeapMb")).intValue();
                assertTrue(retained < max * 0.85, "retained " + retained + " MB of " + max + " without overload");
                long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                while (System.nanoTime() < until) {
                    get(port, "/"); // ordinary traffic: allocation, so collections happen
                    HttpResponse<String> r = get(port, "/health/readiness");
                    if (r.statusCode() == 503) {
                        overloaded = r;
                        break;
                    }
                    Thread.sleep(50);
                }
            }
            assertTrue(overloaded != null, "readiness never reported the heap pressure");
            assertEquals("1", overloaded.headers().firstValue("Retry-After").orElse(null));
            assertTrue(overloaded.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            assertTrue(overloaded.body().contains("heap"), overloaded.body());
            assertEquals(503, get(port, "/health/liveness").statusCode(), "liveness is protected too");

            get(port, "/?release=1");
            HttpResponse<String> recovered = awaitReadiness(port, 200, Duration.ofSeconds(10));
            assertEquals("OK", recovered.body());
        }
    }

    @Test
    void schedulingDelayAnswers503AndRecovers() throws Exception {
        try (ChildJvm child = ChildJvm.functionMain(List.of(),
                List.of("--port", "0", "--host", "127.0.0.1", PRESSURE),
                Map.of("FUNC_MAX_SCHEDULING_DELAY", "500ms", "FUNC_MAX_HEAP_RATIO", "off"))) {
            int port = child.awaitPort();
            awaitReadiness(port, 200, Duration.ofSeconds(10));

            // Starve the whole process of CPU, as a throttled container is: every thread wakes late.
            child.signal("STOP");
            Thread.sleep(1500);
            child.signal("CONT");

            HttpResponse<String> overloaded = awaitReadiness(port, 503, Duration.ofSeconds(1));
            assertEquals("1", overloaded.headers().firstValue("Retry-After").orElse(null));
            assertTrue(overloaded.body().contains("scheduling delay"), overloaded.body());

            assertEquals("OK", awaitReadiness(port, 200, Duration.ofSeconds(5)).body());
        }
    }
}
