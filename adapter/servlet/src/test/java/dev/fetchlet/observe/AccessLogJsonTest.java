package dev.fetchlet.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The access log line: valid JSON on one line, whatever a client puts in the path or the user agent. */
class AccessLogJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void controlCharactersAndQuotesAreEscapedAndTheLineStaysOne() throws Exception {
        String agent = "evil\n{\"status\":200}\r\u0000\u001b[31m\u2028";
        String line = AccessLog.json(new AccessLog.Entry(Instant.parse("2026-01-02T03:04:05.678Z"), "GET",
                "/a\"b\\c", null, 404, 0, 1_234_567, null, null, null, "::1", agent));
        assertFalse(line.contains("\n") || line.contains("\r") || line.contains("\u0000") || line.contains("\u001b"),
                line);
        JsonNode node = JSON.readTree(line);
        assertEquals(agent, node.get("userAgent").asText());
        assertEquals("/a\"b\\c", node.get("path").asText());
        assertTrue(node.get("route").isNull());
        assertEquals(404, node.get("status").asInt());
        assertEquals(1.235, node.get("durationMs").asDouble());
        assertEquals("2026-01-02T03:04:05.678Z", node.get("time").asText());
    }

    @Test
    void settingIsJsonOrOffAndAnythingElseFailsTheDeployment() {
        assertFalse(AccessLog.enabled(null));
        assertFalse(AccessLog.enabled("off"));
        assertTrue(AccessLog.enabled(" JSON "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccessLog.enabled("yes"));
        assertEquals("FUNC_ACCESS_LOG must be json or off, not 'yes'", e.getMessage());
    }
}
