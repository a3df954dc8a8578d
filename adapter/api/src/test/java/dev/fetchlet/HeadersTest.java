package dev.fetchlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Case-insensitive, multi-valued, ordered header fields that refuse anything able to split a header. */
class HeadersTest {

    @Test
    void namesAreCaseInsensitiveForGetHasAndDelete() {
        Headers h = new Headers().set("Content-Type", "text/plain");
        assertEquals("text/plain", h.get("content-type"));
        assertEquals("text/plain", h.get("CONTENT-TYPE"));
        assertTrue(h.has("cOnTeNt-TyPe"));
        h.delete("CONTENT-type");
        assertFalse(h.has("Content-Type"));
        assertNull(h.get("Content-Type"));
        assertTrue(h.isEmpty());
    }

    @Test
    void getJoinsEveryValueWithCommaSpace() {
        Headers h = new Headers().append("Accept", "text/html").append("accept", "application/json");
        assertEquals("text/html, application/json", h.get("Accept"));
        assertEquals("text/html", h.first("ACCEPT"));
        assertEquals(List.of("text/html", "application/json"), h.getAll("accept"));
        assertEquals(2, h.size());
    }

    @Test
    void absentNameGivesNullAndEmptyList() {
        Headers h = new Headers();
        assertNull(h.get("X-None"));
        assertNull(h.first("X-None"));
        assertEquals(List.of(), h.getAll("X-None"));
        assertFalse(h.has("X-None"));
    }

    @Test
    void everySetCookieStaysWholeEvenWithCommasInside() {
        Headers h = new Headers()
                .append("Set-Cookie", "a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Path=/")
                .append("set-cookie", "b=2; HttpOnly");
        assertEquals(List.of("a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Path=/", "b=2; HttpOnly"),
                h.getSetCookie());
        assertEquals(h.getSetCookie(), h.getAll("SET-COOKIE"));
    }

    @Test
    void setReplacesEveryValueOfTheName() {
        Headers h = new Headers().append("X-A", "1").append("x-a", "2").set("X-a", "3");
        assertEquals(List.of("3"), h.getAll("X-A"));
        assertEquals(1, h.size());
    }

    @Test
    void insertionOrderIsKeptAcrossNames() {
        Headers h = Headers.of("B", "1", "A", "2", "b", "3", "C", "4");
        List<String> seen = new ArrayList<>();
        h.forEach((n, v) -> seen.add(n + "=" + v));
        assertEquals(List.of("B=1", "A=2", "b=3", "C=4"), seen);

        List<String> iterated = new ArrayList<>();
        for (Map.Entry<String, String> e : h) {
            iterated.add(e.getKey() + "=" + e.getValue());
        }
        assertEquals(seen, iterated);
        assertEquals(List.of("B", "A", "C"), List.copyOf(h.names()));
    }

    @Test
    void copyIsIndependentOfTheOriginal() {
        Headers original = Headers.of("X-A", "1");
        Headers copy = new Headers(original).append("X-B", "2");
        assertFalse(original.has("X-B"));
        assertTrue(copy.has("X-A"));
    }

    @Test
    void ofRefusesAnOddArgumentCount() {
        assertThrows(IllegalArgumentException.class, () -> Headers.of("X-A", "1", "X-B"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nSet-Cookie: evil=1", "a\nb", "a\rb", "a\u0000b", "\r\n"})
    void valuesWithCrLfOrNulAreRefused(String value) {
        Headers h = new Headers();
        assertThrows(IllegalArgumentException.class, () -> h.set("X-A", value));
        assertThrows(IllegalArgumentException.class, () -> h.append("X-A", value));
        assertTrue(h.isEmpty(), "nothing was added");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X A", "X:A", "X\r\nB", "Ünï", "X(A)", "X\"A", "X/A", "X\tA", "X@A"})
    void nonTokenNamesAreRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> new Headers().set(name, "v"));
        assertThrows(IllegalArgumentException.class, () -> new Headers().append(name, "v"));
    }

    @Test
    void nullNameOrValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Headers().set(null, "v"));
        assertThrows(IllegalArgumentException.class, () -> new Headers().set("X-A", null));
    }

    @Test
    void tokenPunctuationAndTabsInValuesAreAccepted() {
        Headers h = new Headers().set("X-Custom_Name.v2!#$%&'*+^`|~", "tab\there, \"quoted\"; ok");
        assertEquals("tab\there, \"quoted\"; ok", h.get("x-custom_name.v2!#$%&'*+^`|~"));
    }

    @Test
    void manyFieldsKeepTheirOrderThroughDeletesAndCopies() {
        Headers h = new Headers();
        for (int i = 0; i < 40; i++) {
            h.append(i % 3 == 0 ? "X-Three" : "X-" + i, "v" + i);
        }
        Headers copy = new Headers(h);
        h.delete("x-three");
        assertEquals(26, h.size());
        assertNull(h.first("X-Three"));
        assertEquals("v1", h.first("X-1"));
        assertEquals("v38", h.first("X-38"));
        List<String> names = new ArrayList<>();
        h.forEach((name, value) -> names.add(name));
        assertEquals("X-1", names.get(0));
        assertEquals("X-38", names.get(names.size() - 1));
        assertEquals(14, copy.getAll("X-Three").size(), "the copy keeps its own fields");
        h.set("X-1", "again");
        assertEquals(List.of("again"), h.getAll("x-1"));
        h.delete("X-Absent");
        assertEquals(26, h.size());
    }
}
