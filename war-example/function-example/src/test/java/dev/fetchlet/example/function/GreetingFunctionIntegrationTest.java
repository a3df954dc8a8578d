package dev.fetchlet.example.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchlet.launcher.testing.FunctionTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The integration test: the function on a real server on a free loopback port, called over HTTP. */
class GreetingFunctionIntegrationTest {

    @Test
    void answersTheCustomerEventWithABinaryModeEvent() throws Exception {
        FunctionTest.test(GreetingFunction.class, (server, client) -> {
            HttpResponse<String> r = client.post("/", "{\"name\": \"Tiger\", \"customerId\": \"0123456789\"}",
                    "Content-type", "application/json",
                    "Ce-id", "1",
                    "Ce-source", "cloud-event-example",
                    "Ce-type", "dev.knative.example",
                    "Ce-specversion", "1.0");

            assertEquals(200, r.statusCode(), r.body());
            assertEquals("dev.knative.example.greeting", r.headers().firstValue("ce-type").orElse(null));
            assertEquals("1.0", r.headers().firstValue("ce-specversion").orElse(null));
            assertTrue(r.headers().firstValue("ce-id").isPresent());
            assertEquals(Map.of("message", "Hello, Tiger!", "customerId", "0123456789"),
                    new ObjectMapper().readValue(r.body(), Map.class));
        });
    }

    @Test
    void servesBothHealthChecks() throws Exception {
        FunctionTest.test(GreetingFunction.class, (server, client) -> {
            for (String path : new String[] {"/health/liveness", "/health/readiness"}) {
                HttpResponse<String> r = client.get(path);
                assertEquals(200, r.statusCode(), path);
                assertEquals("OK", r.body(), path);
            }
        });
    }

    @Test
    void aRequestThatIsNotAnEventIsRefused() throws Exception {
        FunctionTest.test(GreetingFunction.class, (server, client) -> {
            HttpResponse<String> r = client.post("/", "{\"name\": \"Tiger\"}", "Content-Type", "application/json");
            assertEquals(400, r.statusCode());
        });
    }
}
