package dev.fetchlet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Host headers and serialized origins: what is one, and which spellings are the same (RFC 6454, RFC 3986). */
class WebOriginTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "https://h                     | https://h:443",
        "http://h                      | http://h:80",
        "HTTPS://App.Example           | https://app.example",
        "http://127.0.0.1:8080         | http://127.0.0.1:8080",
        "http://[::1]:8080             | http://[0:0:0:0:0:0:0:1]:8080",
        "http://[::1]                  | http://[0::1]:80",
        "http://[::FFFF:7f00:1]        | http://[::ffff:127.0.0.1]",
        "https://app.example/          | https://app.example",
        "chrome-extension://abcdef     | chrome-extension://abcdef",
    })
    void spellingsOfTheSameOriginAreEqual(String a, String b) {
        assertEquals(WebOrigin.parse(a), WebOrigin.parse(b));
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {
        "https://h         | http://h",
        "https://h         | https://h:8443",
        "http://h:80       | http://h:8080",
        "http://h          | http://h.evil",
        "http://[::1]      | http://[::2]",
        "http://a.example  | http://b.example",
    })
    void differentOriginsAreNotEqual(String a, String b) {
        assertNotEquals(WebOrigin.parse(a), WebOrigin.parse(b));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"null", "", "h", "//h", "http:/h", "http://", "http://h/path", "http://u@h",
        "http://h:99999", "http://h:x", "http://[::1", "https://a b", "http://h?q", "http://h#f",
        "https://a.example https://b.example", "1http://h", "ht tp://h", "http://h//"})
    void notAnOrigin(String value) {
        assertNull(WebOrigin.parse(value));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "http  | localhost:8080 | http://localhost:8080",
        "https | Example.com    | https://example.com:443",
        "http  | [::1]:80       | http://[::1]",
    })
    void aRequestsOwnOriginComesFromItsSchemeAndHost(String scheme, String host, String origin) {
        assertEquals(WebOrigin.parse(origin), WebOrigin.of(scheme, host));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://h:443      | https://h",
        "http://h:8080      | http://h:8080",
        "http://[::1]:8080  | http://[0:0:0:0:0:0:0:1]:8080",
    })
    void theSerializedFormLeavesTheDefaultPortOut(String value, String serialized) {
        assertEquals(serialized, WebOrigin.parse(value).toString());
    }
}
