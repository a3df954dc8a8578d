package dev.fetchlet.it.cloudevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC 7: every case of the public CloudEvents conformance data and every example of the spec, sent over
 * loopback to a function returning the event it received, on embedded Jetty and embedded Tomcat 11. A valid
 * case must come back as the same event (in binary mode, or as a batch for a batch); an invalid one must answer
 * 400 with a JSON error body that names no class.
 */
class CloudEventConformanceTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EchoServers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = EchoServers.start();
    }

    @AfterAll
    static void stop() throws Exception {
        servers.close();
    }

    static Stream<Arguments> cases() {
        return ConformanceData.all().stream()
                .flatMap(c -> Stream.of(Arguments.of("jetty", c), Arguments.of("tomcat", c)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void echoesValidEventsAndRejectsInvalidOnes(String server, ConformanceCase c) throws Exception {
        HttpResponse<byte[]> response = send(servers.uri(server), c.headers(), c.body());
        judge(c, response);
    }

    static HttpResponse<byte[]> send(URI uri, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static void judge(ConformanceCase c, HttpResponse<byte[]> response) throws Exception {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (!c.valid()) {
            assertEquals(400, response.statusCode(), text);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            JsonNode error = JSON.readTree(response.body());
            assertTrue(error.isObject(), text);
            assertFalse(text.matches("(?s).*\\b[a-z]+\\.[a-z]+\\.[A-Za-z.]*[A-Z]\\w*(Exception|Error).*")
                    || text.contains("Exception"), "no class names: " + text);
            return;
        }
        assertEquals(200, response.statusCode(), text);
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
        String difference = ReceivedEvents.difference(ReceivedEvents.read(c.headers(), c.body()),
                ReceivedEvents.read(headers, response.body()));
        assertNull(difference, () -> difference + "\nanswer: " + headers + "\n" + text);
    }

    @Test
    void theDataCoversEveryCategory() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (ConformanceCase c : ConformanceData.all()) {
            counts.computeIfAbsent(c.category(), k -> new long[1])[0]++;
        }
        assertEquals(List.of("format/json valid events", "format/json invalid events", "format/json valid batches",
                "format/json invalid batches", "yaml binary", "yaml structured", "spec examples", "regressions"),
                List.copyOf(counts.keySet()));
        counts.forEach((category, n) -> assertTrue(n[0] > 0, category));
    }
}
