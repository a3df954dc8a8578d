package dev.fetchlet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fetchlet.HttpException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict decoding of body text: invalid bytes are the client's 400, never replacement characters. */
class TextTest {
    @Test
    void validUtf8Decodes() {
        assertEquals("a/é€", Text.decode("a/é€".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"c0af", "e080af", "eda080", "c3", "ff", "61c328"})
    void invalidUtf8IsABadRequest(String hex) {
        HttpException e = assertThrows(HttpException.class,
                () -> Text.decode(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8));
        assertEquals(400, e.status());
        assertEquals("The request body is not valid UTF-8 text", e.getMessage());
    }

    @Test
    void everyByteIsValidLatin1() {
        assertEquals("\u00c0\u00af", Text.decode(HexFormat.of().parseHex("c0af"), StandardCharsets.ISO_8859_1));
    }

    @Test
    void aRangeDecodesOnlyThatRange() {
        byte[] bytes = HexFormat.of().parseHex("ff616263ff");
        assertEquals("abc", Text.decode(bytes, 1, 4, StandardCharsets.UTF_8));
        assertFalse(Text.invalid(StandardCharsets.UTF_8).getMessage().contains("ff"));
    }
}
