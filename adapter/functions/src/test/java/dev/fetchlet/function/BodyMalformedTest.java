package dev.fetchlet.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fetchlet.HttpException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** A function's {@link Body} refuses what a client got wrong as {@code Request} does: 400, never 500. */
class BodyMalformedTest {
    /** {"name":"\xc0\xaf"}: an overlong '/', which a lenient decoder turns into a real one. */
    private static final byte[] OVERLONG_JSON = HexFormat.of().parseHex("7b226e616d65223a22c0af227d");

    @Test
    void aFunctionsBodyIsCheckedTheSameWay() {
        Body body = Body.of(OVERLONG_JSON, "application/json");
        assertEquals(400, assertThrows(HttpException.class, body::json).status());
        assertEquals(400, assertThrows(HttpException.class, body::text).status());
        assertArrayEquals(OVERLONG_JSON, body.bytes());
    }

    @Test
    void aFunctionsBindingErrorNamesTheFieldNotTheClass() {
        record Item(String name, int quantity) {
        }
        HttpException e = assertThrows(HttpException.class,
                () -> Body.of("{\"quantity\":\"lots\"}", "application/json").json(Item.class));
        assertEquals("Invalid JSON body: field 'quantity' expects a whole number", e.getMessage());
    }
}
