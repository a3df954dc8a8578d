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
    // %+a, %-0 and %٣٣ (Arabic-Indic digits) were once taken as bytes: the JDK's parseInt reads a sign and any
    // script's digits
    @ValueSource(strings = {"a=%", "a=%4", "a=%zz", "%=1", "a=%%", "a=%+a", "a=%-0", "a=%\u0663\u0663", "a=%+"})
    void malformedEscapesAreABadRequest(String text) {
        assertEquals(400, assertThrows(HttpException.class, () -> UrlEncoded.parse(text, StandardCharsets.UTF_8)).status());
    }

    @Test
    void invalidUtf8Is400() {
        for (String query : new String[] {"x=a%FFb", "x=%C0%AF" /* overlong '/' */, "x=%E2%82z" /* cut short */}) {
            HttpException e = assertThrows(HttpException.class, () -> UrlEncoded.parse(query, StandardCharsets.UTF_8));
            assertEquals(400, e.status(), query);
        }
    }

    @Test
    void plusIsASpaceAndLiteralsStayAsTheyAre() {
        assertEquals("a b+é", UrlEncoded.parse("x=a+b%2B\u00e9", StandardCharsets.UTF_8).get("x").get(0));
    }
}
