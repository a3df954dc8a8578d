package dev.fetchlet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fetchlet.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The router's parameter map, which Params.of takes without a copy: it must not be changeable afterwards. */
class ParamValuesTest {
    @Test
    void oneValueReadsLikeAnyMap() {
        ParamValues v = ParamValues.names(List.of("id")).with("1024");
        assertEquals(Map.of("id", "1024"), v);
        assertEquals("1024", Params.of(v).get("id"));
    }

    @Test
    void theCallersArrayIsCopiedSoChangingItLaterChangesNothing() {
        Object[] values = {"7", "77"};
        Params p = Params.of(ParamValues.names(List.of("user", "order")).with(values));
        values[0] = "changed";
        assertEquals("7", p.get("user"));
        assertEquals("77", p.get("order"));
    }

    @Test
    void aMutableListIsCopiedAndAnImmutableOneKept() {
        List<String> mutable = new ArrayList<>(List.of("a", "b"));
        Params p = Params.of(ParamValues.names(List.of("rest")).with(mutable));
        mutable.add("c");
        assertEquals(List.of("a", "b"), p.list("rest"));
        List<String> immutable = List.of("x", "y");
        assertEquals(immutable, ParamValues.names(List.of("rest")).with(immutable).get("rest"));
    }

    @Test
    void valuesOtherThanStringsAndStringListsAreRefused() {
        ParamValues.Names names = ParamValues.names(List.of("id"));
        assertThrows(IllegalArgumentException.class, () -> names.with(42));
        assertThrows(IllegalArgumentException.class, () -> names.with(List.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> names.with(new Object[] {"a", "b"}));
    }
}
