package dev.fetchlet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Host} values: the strict reading the dispatcher applies before any handler builds a URL from one. */
class AuthorityTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "example.com        | example.com         | -1",
        "Example.COM:8080   | example.com         | 8080",
        "127.0.0.1:1        | 127.0.0.1           | 1",
        "[::1]              | [0:0:0:0:0:0:0:1]   | -1",
        "[::1]:65535        | [0:0:0:0:0:0:0:1]   | 65535",
        "my_host            | my_host             | -1",
        "h:                 | h                   | -1",
        "h:0080             | h                   | 80",
        "[::1]:             | [0:0:0:0:0:0:0:1]   | -1",
    })
    void aValidHost(String value, String host, int port) {
        assertEquals(new Authority(host, port), Authority.parse(value));
        assertTrue(Authority.isValid(value));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "a b", "u@h", "user:pw@h", "h:abc", "h:65536", "h:123456", "h:-1", "h:+1",
        "h:80:80", "[::1", "::1", "[::1]x", "[zz::1]", "[v1.x]", "[fe80::1%eth0]", "h/x", "h?q", "h#f",
        "h\\x", "h\u0000", "h\r\nX: y", "é.example", "%68"})
    void aMalformedHost(String value) {
        assertNull(Authority.parse(value));
        assertFalse(Authority.isValid(value));
    }

    /** The in-place check and the parser never disagree, on strings made of the characters that matter. */
    @org.junit.jupiter.api.Test
    void isValidAgreesWithParse() {
        String alphabet = "aZ09.-_:[]%@/?# \u0000\r\né+fF";
        java.util.Random random = new java.util.Random(20261207);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = random.nextInt(8) == 0 ? "[::1]" + b : b.toString();
            assertEquals(Authority.parse(value) != null, Authority.isValid(value), "'" + value + "'");
        }
        assertFalse(Authority.isValid(null));
        assertFalse(Authority.isValid("a".repeat(256)));
        assertTrue(Authority.isValid("a".repeat(255)));
    }

    @org.junit.jupiter.api.Test
    void aHostLongerThan255CharactersIsRefused() {
        assertNull(Authority.parse("a".repeat(256)));
        assertEquals(255, Authority.parse("a".repeat(255)).host().length());
    }
}
