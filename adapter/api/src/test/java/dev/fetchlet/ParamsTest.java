package dev.fetchlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Params}: single values, catch-all lists, and the views between them. */
class ParamsTest {

    @Test
    void singleValueReadsAsStringAndAsOneElementList() {
        Params p = Params.of(Map.of("id", "7"));
        assertEquals("7", p.get("id"));
        assertEquals(List.of("7"), p.list("id"));
        assertTrue(p.has("id"));
    }

    @Test
    void catchAllReadsAsListAndJoinedWithSlash() {
        Params p = Params.of(Map.of("path", List.of("guide", "intro", "a b")));
        assertEquals(List.of("guide", "intro", "a b"), p.list("path"));
        assertEquals("guide/intro/a b", p.get("path"));
    }

    @Test
    void absentNameIsNullOrEmpty() {
        Params p = Params.of(Map.of("id", "7"));
        assertNull(p.get("other"));
        assertEquals(List.of(), p.list("other"));
        assertFalse(p.has("other"));
    }

    @Test
    void emptyIsShared() {
        assertSame(Params.empty(), Params.of(Map.of()));
        assertTrue(Params.empty().isEmpty());
        assertTrue(Params.empty().names().isEmpty());
    }

    @Test
    void valuesAreCopiedAndImmutable() {
        List<String> segments = new ArrayList<>(List.of("a", "b"));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("rest", segments);
        source.put("id", "1");
        Params p = Params.of(source);
        segments.add("c");
        source.put("late", "x");
        assertEquals(List.of("a", "b"), p.list("rest"));
        assertFalse(p.has("late"));
        assertThrows(UnsupportedOperationException.class, () -> p.list("rest").add("d"));
        assertThrows(UnsupportedOperationException.class, () -> p.asMap().put("x", "y"));
        assertEquals(List.of("rest", "id"), List.copyOf(p.names()), "declaration order is kept");
    }

    @Test
    void refusesValuesThatAreNeitherStringNorListOfStrings() {
        assertThrows(IllegalArgumentException.class, () -> Params.of(Map.of("n", 7)));
        assertThrows(IllegalArgumentException.class, () -> Params.of(Map.of("n", List.of("a", 7))));
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("n", null);
        assertThrows(IllegalArgumentException.class, () -> Params.of(withNull));
    }

    @Test
    void serialisesToJsonAsItsValues() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", "7");
        values.put("rest", List.of("a", "b"));
        assertEquals("{\"id\":\"7\",\"rest\":[\"a\",\"b\"]}", Response.json(Params.of(values)).bodyText());
        assertEquals("{}", Response.json(Params.empty()).bodyText());
    }

    @Test
    void equalityIsByValue() {
        assertEquals(Params.of(Map.of("a", "1")), Params.of(Map.of("a", "1")));
        assertEquals(Params.of(Map.of("a", "1")).hashCode(), Params.of(Map.of("a", "1")).hashCode());
        assertNotEquals(Params.of(Map.of("a", "1")), Params.of(Map.of("a", List.of("1"))));
    }
}
