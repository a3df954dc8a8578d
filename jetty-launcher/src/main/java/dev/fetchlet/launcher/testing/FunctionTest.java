package dev.fetchlet.launcher.testing;

import java.util.Map;

/**
 * Runs a test against a function on a real server: starts it on a free loopback port, hands the test the
 * server and a client, and stops it afterwards, also when the test fails. Like Javalin's
 * {@code JavalinTest.test}.
 *
 * <pre>{@code
 * @Test
 * void answersTheSeedEvent() throws Exception {
 *     FunctionTest.test(GreetingFunction.class, (server, client) -> {
 *         HttpResponse<String> r = client.post("/", "{\"name\":\"Tiger\",\"customerId\":\"0123456789\"}",
 *                 "Content-Type", "application/json",
 *                 "ce-id", "1", "ce-source", "test", "ce-type", "dev.knative.example", "ce-specversion", "1.0");
 *         assertEquals(200, r.statusCode());
 *     });
 * }
 * }</pre>
 */
public final class FunctionTest {
    private FunctionTest() {
    }

    /** What the test does with the running server and its client. */
    @FunctionalInterface
    public interface Case {
        void run(TestServer server, TestClient client) throws Exception;
    }

    /** Runs {@code test} against {@code function} (or any Fetchlet classes) with default settings. */
    public static void test(Class<?> function, Case test) throws Exception {
        test(function, Map.of(), test);
    }

    /** Runs {@code test} against {@code function} with settings such as {@code FUNC_TIMEOUT}. */
    public static void test(Class<?> function, Map<String, String> settings, Case test) throws Exception {
        try (TestServer server = TestServer.start(settings, function)) {
            test.run(server, server.client());
        }
    }
}
