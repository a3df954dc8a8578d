package dev.fetchlet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.HttpException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 400 messages of {@link Json#read}: plain words, which field and what it expects, never a class name. */
class JsonProblemsTest {
    /** Signs of Java or Jackson in a message: package names, nested-class dollars, backquoted types. */
    private static final Pattern LEAK = Pattern.compile("java\\.|dev\\.|com\\.|[Jj]ackson|\\$|`|Exception"
            + "|Cannot deserialize|JsonProblemsTest|Order\\b|Line\\b|Size\\b");

    enum Size { SMALL, LARGE }

    record Line(String sku, int count) {
    }

    record Order(String name, int quantity, double price, boolean gift, Size size, List<Line> lines) {
    }

    private static HttpException fail(String body) {
        return assertThrows(HttpException.class, () -> Json.read(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), Order.class));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"quantity\":\"many\"}                    | Invalid JSON body: field 'quantity' expects a whole number",
        "{\"price\":\"cheap\"}                      | Invalid JSON body: field 'price' expects a number",
        "{\"gift\":\"perhaps\"}                     | Invalid JSON body: field 'gift' expects true or false",
        "{\"size\":\"HUGE\"}                        | Invalid JSON body: field 'size' expects one of \"SMALL\", \"LARGE\"",
        "{\"lines\":{}}                             | Invalid JSON body: field 'lines' expects an array",
        "{\"lines\":[{\"sku\":\"a\",\"count\":\"x\"}]} | Invalid JSON body: field 'lines[0].count' expects a whole number",
        "{\"name\":{\"a\":1}}                       | Invalid JSON body: field 'name' expects a string",
        "[1,2]                                      | Invalid JSON body: expected an object",
        "\"text\"                                   | Invalid JSON body: expected an object",
        "``                                         | Invalid JSON body: the body is empty",
        "{\"name\":                                 | Invalid JSON body: it ends before the value is complete",
        "{\"name\":\"a\"} {}                        | Invalid JSON body: unexpected content after the JSON value at line 1, column",
        "{name:1}                                   | Invalid JSON body: malformed JSON at line 1, column 2",
        "null                                       | Invalid JSON body: expected an object, got null",
    })
    void messagesSayWhatWasWrongInPlainWords(String body, String message) {
        HttpException e = fail(body);
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertTrue(!LEAK.matcher(e.getMessage()).find(), e.getMessage());
    }

    @Test
    void jsonBeyondTheSizeLimitsIsSaidSoInPlainWords() {
        for (String body : List.of("{\"quantity\":" + "1".repeat(1_000_000) + "}", "[".repeat(100_000),
                "{\"price\":1." + "5".repeat(2_000) + "}")) {
            // Object, so that deep nesting is read as deep as it goes (a record stops at the first '[').
            HttpException e = assertThrows(HttpException.class, () -> Json.read(
                    new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), Object.class));
            assertEquals(400, e.status());
            assertEquals("Invalid JSON body: it is nested too deeply, or a number or string in it is too long",
                    e.getMessage());
        }
    }

    record Named(String id) {
        Named {
            if (id.isEmpty()) {
                throw new IllegalArgumentException("com.example.internal.Ids$Rule: id must not be empty");
            }
        }
    }

    @Test
    void aConstructorThatRefusesIsA400WithoutItsMessage() {
        HttpException e = assertThrows(HttpException.class, () -> Json.read(
                new ByteArrayInputStream("{\"id\":\"\"}".getBytes(StandardCharsets.UTF_8)), Named.class));
        assertEquals(400, e.status());
        assertTrue(!LEAK.matcher(e.getMessage()).find(), e.getMessage());
    }

    @Test
    void overlongUtf8IsABadRequestNotASlash() {
        // "\xc0\xaf" is an overlong '/': a lenient decoder reads {"name":"/"}.
        byte[] body = HexFormat.of().parseHex("7b226e616d65223a22c0af227d");
        HttpException e = assertThrows(HttpException.class,
                () -> Json.read(new ByteArrayInputStream(body), Object.class));
        assertEquals(400, e.status());
        assertEquals("The request body is not valid UTF-8 text", e.getMessage());
    }

    @Test
    void aTypeNoJsonCanBuildIsTheHandlersFaultNotTheClients() {
        class NoCreator {
            private NoCreator(int a, int b) {
            }
        }
        assertThrows(IllegalStateException.class,
                () -> Json.read(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), NoCreator.class));
    }
}
