package dev.fetchlet.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CloseReasonsTest {

    @Test
    void shortReasonsAreKept() {
        assertEquals("bye", CloseReasons.truncate("bye"));
        assertEquals("", CloseReasons.truncate(null));
    }

    @Test
    void longReasonsAreCutTo123BytesOnACharacterBoundary() {
        String cut = CloseReasons.truncate("€".repeat(100)); // 3 bytes each
        assertEquals(41, cut.length());
        assertTrue(cut.getBytes(StandardCharsets.UTF_8).length <= 123);

        assertEquals(123, CloseReasons.truncate("x".repeat(500)).length());
    }
}
