package dev.fetchlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link HttpException}: a status for the client, within 4xx and 5xx. */
class HttpExceptionTest {

    @Test
    void factoriesCarryTheirStatusAndMessage() {
        assertEquals(400, HttpException.badRequest("b").status());
        assertEquals("b", HttpException.badRequest("b").getMessage());
        assertEquals(404, HttpException.notFound("n").status());
        assertEquals(413, HttpException.payloadTooLarge("p").status());
        assertEquals(415, HttpException.unsupportedMediaType("u").status());
    }

    @Test
    void keepsItsCause() {
        RuntimeException cause = new RuntimeException("inner");
        HttpException e = new HttpException(503, "down", cause);
        assertEquals(503, e.status());
        assertSame(cause, e.getCause());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 499, 500, 599})
    void acceptsErrorStatuses(int status) {
        assertEquals(status, new HttpException(status, "x").status());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 200, 302, 399, 600})
    void refusesNonErrorStatuses(int status) {
        assertThrows(IllegalArgumentException.class, () -> new HttpException(status, "x"));
    }
}
