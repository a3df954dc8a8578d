package dev.fetchlet.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Strings handed to Jackson as char arrays must come out byte for byte as Jackson writes them from a
 * {@code String}: escapes (RFC 8259 section 7), non-ASCII, surrogate pairs and lone surrogates included.
 */
class CharArrayStringsTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final ObjectMapper DECORATED =
            new ObjectMapper(JsonFactory.builder().addDecorator(new CharArrayStrings()).build());

    private static final List<String> CORPUS = List.of(
            "", "a", "plain ascii", "quote \" and backslash \\ and slash /",
            "controls \u0000 \u0001 \u001f \t \n \r \b \f and DEL \u007f",
            "latin-1 é ü ß ÿ", "cjk 日本語", "emoji \uD83D\uDE00 pair", "lone high \uD800 here", "lone low \uDC00 here",
            "high at end \uD83D", "\uDE00 low at start", "line separators \u2028 \u2029", "bom \uFEFF",
            "x".repeat(1013), "é".repeat(3000), "y".repeat(CharArrayStrings.BUFFERED),
            "z".repeat(CharArrayStrings.BUFFERED + 1), "\"\\\u0001".repeat(CharArrayStrings.BUFFERED),
            "a" + "\uD83D\uDE00".repeat(CharArrayStrings.BUFFERED), "\uD83D\uDE00".repeat(5000), "\"".repeat(9000));

    @Test
    void everyCorpusStringIsWrittenAsJacksonWritesIt() throws Exception {
        for (String s : CORPUS) {
            assertSame(s);
            assertSame(Map.of("k", s));
            assertSame(Arrays.asList(s, s.toUpperCase(), null, 1, true));
        }
    }

    @Test
    void nullsAndNestingAreUnchanged() throws Exception {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("name", "Ada");
        inner.put("none", null);
        inner.put("list", List.of("a", "b\u0000", "c\uD83D\uDE00"));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("inner", inner);
        outer.put("text", "x".repeat(70_000)); // longer than Jackson's output buffer: written in segments
        assertSame(outer);
        assertSame(null);
    }

    @Test
    void randomStringsAreWrittenAsJacksonWritesThem() throws Exception {
        Random random = new Random(20261207L);
        for (int i = 0; i < 2_000; i++) {
            int length = random.nextInt(i % 50 == 0 ? 20_000 : 80);
            char[] chars = new char[length];
            for (int j = 0; j < length; j++) {
                chars[j] = switch (random.nextInt(6)) {
                    case 0 -> (char) random.nextInt(0x20);                  // control characters
                    case 1 -> (char) (0xD800 + random.nextInt(0x800));      // surrogates, paired or not
                    case 2 -> (char) random.nextInt(0x10000);               // anything in the BMP
                    default -> (char) (0x20 + random.nextInt(0x5f));        // printable ASCII
                };
            }
            assertSame(Map.of("v", new String(chars)));
        }
    }

    @Test
    void textOutputIsUnchangedToo() throws Exception {
        for (String s : CORPUS) {
            StringWriter a = new StringWriter();
            StringWriter b = new StringWriter();
            JACKSON.writeValue(a, Map.of("k", s));
            DECORATED.writeValue(b, Map.of("k", s));
            assertEquals(a.toString(), b.toString());
        }
    }

    @Test
    void theSharedMapperWritesAsJacksonDoes() throws Exception {
        List<Object> values = new ArrayList<>(CORPUS);
        assertArrayEquals(JACKSON.writeValueAsBytes(values), Json.write(values));
        assertEquals("{\"s\":\"caf\u00e9 \\\"q\\\" \\u0000\"}",
                new String(Json.write(Map.of("s", "caf\u00e9 \"q\" \u0000")), StandardCharsets.UTF_8));
    }

    private static void assertSame(Object value) throws Exception {
        assertArrayEquals(JACKSON.writeValueAsBytes(value), DECORATED.writeValueAsBytes(value), () -> "for " + value);
    }
}
