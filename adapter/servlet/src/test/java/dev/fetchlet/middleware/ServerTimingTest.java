package dev.fetchlet.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fetchlet.Context;
import dev.fetchlet.Request;
import dev.fetchlet.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerTimingTest {
    @ParameterizedTest(name = "{0} ns is {1} ms")
    @CsvSource({
        "0, 0.0",
        "49999, 0.0",
        "50000, 0.1",
        "12345678, 12.3",
        "12350000, 12.4",
        "999950000, 1000.0",
        "-5, 0.0",
    })
    void durationsAreMillisecondsWithOneDecimal(long nanos, String millis) {
        assertEquals(millis, ServerTiming.millis(nanos));
    }

    @Test
    void aMetricIsAddedBesideTheHandlersOwn() throws Exception {
        Context ctx = Context.builder(Request.builder("GET", "http://localhost/x").build()).build();
        Response answer = new ServerTiming("app").onRequest(ctx,
                () -> Response.text("ok").header("Server-Timing", "db;dur=2.0"));
        String value = answer.headers().get("Server-Timing");
        assertEquals(true, value.matches("db;dur=2\\.0, app;dur=\\d+\\.\\d"), value);
    }
}
