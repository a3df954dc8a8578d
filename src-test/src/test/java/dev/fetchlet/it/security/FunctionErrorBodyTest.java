package dev.fetchlet.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.example.function.GreetingFunction;
import dev.fetchlet.it.harness.RawHttp;
import dev.fetchlet.it.harness.TestLogging;
import dev.fetchlet.launcher.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The function runtime's error bodies name no class either: the {@code function-error-body} cases of
 * {@code security/cases.txt} against the example's {@link GreetingFunction} (CloudEvent data bound to a record) and
 * {@link BindingFixtures} (a wrong-typed field, an unknown enum, a nested object or list element that does not fit,
 * a constructor that refuses, a number of a million digits, deep nesting), on the test kit's embedded Jetty.
 */
class FunctionErrorBodyTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        TestLogging.quietContainers();
        server = TestServer.start(Map.of(), GreetingFunction.class, BindingFixtures.OrderFunction.class,
                BindingFixtures.OrderHandler.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<SecurityCase> cases() {
        return SecurityCase.load("function-error-body");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBindingErrorIs400InPlainWords(SecurityCase c) throws Exception {
        RawHttp.Reply reply = RawHttp.exchange(server.port(), c.request(server.port()), Duration.ofSeconds(60));

        assertEquals(c.status(), reply.status(), c.name() + ": " + reply.body());
        assertTrue(reply.body().startsWith("{"), c.name() + ": a JSON error: " + reply.body());
        Disclosure.assertNone(c.name(), reply.body());
    }
}
