package dev.fetchlet.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the table prints: every route, most specific first. */
class ListingTest {
    private static final RouteTable<String> TABLE = Routes.table(
            "/api/[[default]]", "/api/users/[id]", "/index", "/helloworld", "/api/visit/index",
            "/api/users/list", "/hello-pages", "/api/users/geo", "/[[all]]", "/api/[v]/x");

    @Test
    void entriesAreInPrecedenceOrder() {
        List<String> patterns = TABLE.entries().stream().map(RouteEntry::pattern).collect(Collectors.toList());
        assertEquals(List.of(
                "/",
                "/api/users/geo",
                "/api/users/list",
                "/api/users/[id]",
                "/api/visit",
                "/api/[v]/x",
                "/api/[[default]]",
                "/hello-pages",
                "/helloworld",
                "/[[all]]"), patterns);
        assertEquals(10, TABLE.size());
    }

    @Test
    void describeShowsPatternAndSource() {
        assertEquals("/  ->  " + Routes.sourceOf("/index"), TABLE.describe().get(0));
        assertEquals("/api/visit  ->  " + Routes.sourceOf("/api/visit/index"), TABLE.describe().get(4));
        assertEquals(TABLE.size(), TABLE.describe().size());
    }

    @Test
    void entryKeepsTargetSourceAndParsedPattern() {
        RouteEntry<String> e = TABLE.entries().get(6);
        assertEquals("/api/[[default]]", e.target());
        assertEquals(Routes.sourceOf("/api/[[default]]"), e.source());
        assertEquals("/api", e.routePattern().staticPrefix());
    }

    @Test
    void entriesCannotBeModified() {
        assertThrows(UnsupportedOperationException.class, () -> TABLE.entries().clear());
    }

    @Test
    void emptyTableMatchesNothing() {
        RouteTable<String> empty = Routes.table();
        assertEquals(0, empty.size());
        assertEquals(null, empty.match("/"));
        assertEquals(null, empty.match("/a"));
    }
}
