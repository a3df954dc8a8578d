package dev.fetchlet.servlet.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fetchlet.Middleware;
import dev.fetchlet.Response;
import dev.fetchlet.routing.InvalidRouteException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which middleware stands in front of a path, and in which order. */
class MiddlewareTableTest {
    private final Map<Middleware, String> names = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));

    private static Middleware m(String name) {
        return new Middleware() {
            @Override
            public Response onRequest(dev.fetchlet.Context ctx, dev.fetchlet.Next next) {
                return null;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    private static List<String> at(MiddlewareTable table, String path) {
        return table.at(path).stream().map(Object::toString).toList();
    }

    private final MiddlewareTable table;

    MiddlewareTableTest() throws InvalidRouteException {
        table = MiddlewareTable.builder()
                .add("/api/private", m("private"), "b.Private", MiddlewareTable.Kind.FILE, 0)
                .add("/api", m("annotated-2"), "z.Second", MiddlewareTable.Kind.ANNOTATED, 2)
                .add("/api", m("annotated-1b"), "b.First", MiddlewareTable.Kind.ANNOTATED, 1)
                .add("/api", m("annotated-1a"), "a.First", MiddlewareTable.Kind.ANNOTATED, 1)
                .add("/api/", m("file"), "z.File", MiddlewareTable.Kind.FILE, 0)
                .add("/", m("root"), "a.Root", MiddlewareTable.Kind.FILE, 0)
                .add("/", m("built-in"), "z.BuiltIn", MiddlewareTable.Kind.BUILT_IN, 0)
                .build();
    }

    @Test
    void outerFoldersFirstThenBuiltInFileAndAnnotatedByOrderAndName() {
        assertEquals(List.of("built-in", "root", "file", "annotated-1a", "annotated-1b", "annotated-2", "private"),
                at(table, "/api/private/me"));
    }

    @Test
    void aFolderCoversItselfItsSlashAndBelowButNotASiblingPrefix() {
        assertEquals(List.of("built-in", "root", "file", "annotated-1a", "annotated-1b", "annotated-2"),
                at(table, "/api"));
        assertEquals(at(table, "/api"), at(table, "/api/"));
        assertEquals(List.of("built-in", "root"), at(table, "/apis/x"));
        assertEquals(List.of("built-in", "root"), at(table, "/"));
    }

    @Test
    void segmentsAreComparedDecodedAsTheRouterDoes() {
        assertEquals(at(table, "/api/private/me"), at(table, "/ap%69/priv%61te/me"));
        assertEquals(at(table, "/api/private/me"), at(table, "/api//private/me"));
        assertEquals(at(table, "/api/private/me"), at(table, "/api;x=1/private;y/me"));
    }

    @Test
    void anAppWithoutMiddlewareGetsTheSharedEmptyList() {
        assertSame(List.of(), MiddlewareTable.empty().at("/anything"));
    }

    @Test
    void aFolderIsStaticSegments() {
        for (String bad : List.of("api", "/api/[id]", "/a/../b", "/a//b", "/a/%2F")) {
            assertThrows(InvalidRouteException.class,
                    () -> MiddlewareTable.builder().add(bad, m("x"), "x", MiddlewareTable.Kind.ANNOTATED, 0), bad);
        }
    }
}
