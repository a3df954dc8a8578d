package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fetchlet.launcher.testing.FunctionTest;
import functions.api.hello;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Unit tests with the test kit: each starts only the classes named, on a free loopback port, in milliseconds. */
class HelloTest {

    @Test
    void greetsTheWorld() throws Exception {
        FunctionTest.test(hello.class, (server, client) -> {
            HttpResponse<String> r = client.get("/api/hello");
            assertEquals(200, r.statusCode());
            assertEquals("Hello, world!", r.body());
        });
    }

    @Test
    void greetsByNameWithTheNameCapitalized() throws Exception {
        FunctionTest.test(hello.class, (server, client) -> {
            assertEquals("Hello, Ada Lovelace!", client.get("/api/hello?name=ada%20lovelace").body());
        });
    }

    @Test
    void theFunctionAnswersAnEventWithAGreetingEvent() throws Exception {
        FunctionTest.test(GreetingFunction.class, (server, client) -> {
            HttpResponse<String> r = client.post("/", "{\"name\": \"Tiger\", \"customerId\": \"0123456789\"}",
                    "Content-Type", "application/json", "Ce-id", "1", "Ce-source", "test",
                    "Ce-type", "dev.knative.example", "Ce-specversion", "1.0");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("dev.knative.example.greeting", r.headers().firstValue("ce-type").orElse(null));
        });
    }

    @Test
    void dataThatIsNotJsonIsTheClientsFault() throws Exception {
        FunctionTest.test(GreetingFunction.class, (server, client) -> {
            HttpResponse<String> r = client.post("/", "{not json", "Content-Type", "application/json",
                    "Ce-id", "1", "Ce-source", "test", "Ce-type", "dev.knative.example", "Ce-specversion", "1.0");
            assertEquals(400, r.statusCode());
        });
    }
}
