package dev.fetchlet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "a b", "u@h", "user:pw@h", "h:abc", "h:65536", "h:123456", "h:-1", "h:+1",
        "h:80:80", "[::1", "::1", "[::1]x", "[zz::1]", "[v1.x]", "[fe80::1%eth0]", "h/x", "h?q", "h#f",
        "h\\x", "h\u0000", "h\r\nX: y", "é.example", "%68"})
    void aMalformedHost(String value) {
        assertNull(Authority.parse(value));
    }

    @org.junit.jupiter.api.Test
    void aHostLongerThan255CharactersIsRefused() {
        assertNull(Authority.parse("a".repeat(256)));
        assertEquals(255, Authority.parse("a".repeat(255)).host().length());
    }
}
