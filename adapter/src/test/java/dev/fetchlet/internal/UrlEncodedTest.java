package dev.fetchlet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fetchlet.HttpException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code application/x-www-form-urlencoded} parsing shared by query strings and form bodies. */
class UrlEncodedTest {

    @Test
    void pairsAreDecodedInOrderWithRepeats() {
        Map<String, List<String>> m = UrlEncoded.parse("b=2&a=1+1&b=%33&c", StandardCharsets.UTF_8);
        assertEquals(List.of("b", "a", "c"), List.copyOf(m.keySet()));
        assertEquals(List.of("2", "3"), m.get("b"));
        assertEquals(List.of("1 1"), m.get("a"));
        assertEquals(List.of(""), m.get("c"));
    }

    @Test
    void emptyPairsAreSkipped() {
        assertEquals(Map.of("a", List.of("1")), UrlEncoded.parse("&&a=1&", StandardCharsets.UTF_8));
    }

    @Test
    void nullOrEmptyIsNoPairs() {
        assertEquals(Map.of(), UrlEncoded.parse(null, StandardCharsets.UTF_8));
        assertEquals(Map.of(), UrlEncoded.parse("", StandardCharsets.UTF_8));
    }

    @Test
    void onlyTheFirstEqualsSplits() {
        assertEquals(Map.of("k", List.of("a=b")), UrlEncoded.parse("k=a=b", StandardCharsets.UTF_8));
    }

    @Test
    void charsetDecidesHowBytesDecode() {
        assertEquals("é", UrlEncoded.parse("x=%C3%A9", StandardCharsets.UTF_8).get("x").get(0));
        assertEquals("é", UrlEncoded.parse("x=%E9", StandardCharsets.ISO_8859_1).get("x").get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%", "a=%4", "a=%zz", "%=1", "a=%%"})
    void malformedEscapesAreABadRequest(String text) {
        assertEquals(400, assertThrows(HttpException.class, () -> UrlEncoded.parse(text, StandardCharsets.UTF_8)).status());
    }
}
