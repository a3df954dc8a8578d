package dev.fetchlet.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming UTF-8 check in front of the JSON parser: RFC 3629's well-formed sequences only. */
class StrictUtf8InputStreamTest {
    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] readAll(byte[] bytes, boolean byteByByte) throws IOException {
        try (InputStream in = new StrictUtf8InputStream(new ByteArrayInputStream(bytes))) {
            if (!byteByByte) {
                return in.readAllBytes();
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int b; (b = in.read()) >= 0; ) {
                out.write(b);
            }
            return out.toByteArray();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "7b7d",                 // {}
        "c3a9",                 // é
        "e282ac",               // €
        "f09f9880",             // U+1F600
        "f48fbfbf",             // U+10FFFF, the last code point
        "efbbbf7b7d",           // a byte-order mark, then {}
        "00",                   // U+0000 is well-formed; JSON rejects it unescaped in strings itself
    })
    void wellFormedPassesUnchanged(String input) throws IOException {
        byte[] bytes = hex(input);
        assertArrayEquals(bytes, readAll(bytes, false));
        assertArrayEquals(bytes, readAll(bytes, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "c0af",                 // overlong '/'
        "c1bf",                 // overlong, C1 lead
        "e080af",               // overlong '/' in three bytes
        "f08080af",             // overlong '/' in four bytes
        "eda080",               // a UTF-16 surrogate
        "f4908080",             // past U+10FFFF
        "f5808080",             // lead byte never used
        "ff",
        "80",                   // a continuation byte alone
        "c328",                 // lead without its continuation
        "c3",                   // cut short at the end
        "e282",                 // cut short at the end
        "fffe7b00",             // UTF-16 with a byte-order mark: JSON is UTF-8 (RFC 8259 §8.1)
    })
    void malformedIsRefused(String input) {
        byte[] bytes = hex(input);
        assertThrows(MalformedInputException.class, () -> readAll(bytes, false));
        assertThrows(MalformedInputException.class, () -> readAll(bytes, true));
    }

    @Test
    void skippedBytesAreCheckedToo() throws IOException {
        try (InputStream in = new StrictUtf8InputStream(new ByteArrayInputStream(hex("41c0af42")))) {
            assertThrows(MalformedInputException.class, () -> in.skip(3));
        }
    }

    @Test
    void aSequenceSplitAcrossReadsIsAccepted() throws IOException {
        byte[] bytes = "aé€😀".getBytes(StandardCharsets.UTF_8);
        try (InputStream in = new StrictUtf8InputStream(new ByteArrayInputStream(bytes))) {
            byte[] out = new byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                in.read(out, i, 1);
            }
            assertArrayEquals(bytes, out);
        }
    }
}
