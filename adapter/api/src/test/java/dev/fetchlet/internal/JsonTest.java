package dev.fetchlet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fetchlet.HttpException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared JSON mapper: what it writes, and how a bad request body becomes a 400. */
class JsonTest {

    record Event(String name, Instant at) {
    }

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesJavaTimeAsIsoStrings() {
        String json = new String(Json.write(new Event("e", Instant.parse("2024-01-02T03:04:05Z"))), StandardCharsets.UTF_8);
        assertEquals("{\"name\":\"e\",\"at\":\"2024-01-02T03:04:05Z\"}", json);
    }

    @Test
    void readsJavaTimeAndIgnoresUnknownProperties() {
        assertEquals(new Event("e", Instant.parse("2024-01-02T03:04:05Z")),
                Json.read(in("{\"name\":\"e\",\"at\":\"2024-01-02T03:04:05Z\",\"x\":1}"), Event.class));
    }

    @Test
    void trailingContentIsABadRequest() {
        assertEquals(400, assertThrows(HttpException.class, () -> Json.read(in("{} {}"), Map.class)).status());
    }

    @Test
    void unserialisableValueNamesItsClass() {
        Object selfReferencing = new Object() {
            public Object getSelf() {
                return this;
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.write(selfReferencing));
        assertEquals(true, e.getMessage().contains("cannot serialise"), e.getMessage());
    }

    @Test
    void aStatusThrownByTheBodyStreamPassesThrough() {
        // A body limit enforced while reading surfaces as a 413 from inside the parser.
        InputStream tooLarge = new InputStream() {
            private int left = 3;

            @Override
            public int read() {
                if (left-- > 0) {
                    return '[';
                }
                throw HttpException.payloadTooLarge("too large");
            }
        };
        assertEquals(413, assertThrows(HttpException.class, () -> Json.read(tooLarge, Object.class)).status());
    }

    @Test
    void aBodyThatCannotBeReadIsTheClientsBadRequest() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        // The container's words ("connection reset", "Early EOF") name its classes; the reply says it plainly.
        HttpException e = assertThrows(UnreadableBodyException.class, () -> Json.read(broken, Map.class));
        assertEquals(400, e.status());
        assertFalse(e.getMessage().contains("reset"), e.getMessage());
    }
}
