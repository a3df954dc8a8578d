package dev.fetchlet.cloudevent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The JSON event format's writer hands strings to Jackson as char arrays (for JDK 25's sake); what it writes
 * must be byte for byte what Jackson's own generator writes with the same settings: escapes, non-ASCII,
 * surrogates, exact decimals and long {@code data_base64} values. Random strings are the decorator's own test's
 * ({@code CharArrayStringsTest}).
 */
class EventJsonWriteTest {
    private static final ObjectMapper JACKSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    @Test
    void anEventTreeIsWrittenAsJacksonWritesIt() throws Exception {
        byte[] binary = new byte[300_000];
        new Random(7).nextBytes(binary);
        ObjectNode event = JsonNodeFactory.instance.objectNode()
                .put("specversion", "1.0").put("id", "caf\u00e9 \"1\" \\ \u0000 \u001f \u007f")
                .put("source", "/s/\uD83D\uDE00/\uD800").put("type", "t\u2028\u2029")
                .put("data_base64", Base64.getEncoder().encodeToString(binary));
        event.put("exact", new BigDecimal("2.0"));
        ArrayNode batch = JsonNodeFactory.instance.arrayNode().add(event).add(event.deepCopy().put("id", ""));
        assertSame(event);
        assertSame(batch);
    }

    private static void assertSame(JsonNode tree) throws Exception {
        assertArrayEquals(JACKSON.writeValueAsBytes(tree), EventJson.write(tree));
    }
}
