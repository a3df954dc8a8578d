package dev.fetchlet.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Folders of middleware, and the folder a package stands for when a folder is named as a Java keyword. */
class FoldersTest {
    @Test
    void theFoldersOfAPathOutermostFirstBoundedByDepth() {
        assertEquals(List.of("/", "/api", "/api/users", "/api/users/7"), Folders.enclosing("/api/users/7", 9));
        assertEquals(List.of("/", "/api"), Folders.enclosing("/api/users/7", 1));
        assertEquals(List.of("/"), Folders.enclosing("/", 3));
        assertEquals(List.of("/", "/a b"), Folders.enclosing("/a%20b/", 3));
    }

    @Test
    void aFolderHasOneSpelling() throws InvalidRouteException {
        assertEquals("/api", Folders.normalize("/api/"));
        assertEquals("/", Folders.normalize("/"));
        assertThrows(InvalidRouteException.class, () -> Folders.normalize(""));
    }

    @Test
    void aKeywordFolderIsWrittenWithATrailingUnderscoreInThePackage() throws InvalidRouteException {
        SourceRoutes routes = new SourceRoutes("functions");
        assertEquals("/api/private", routes.folderOf("functions.api.private_"));
        assertEquals("/api/private/me", routes.routeOf("functions.api.private_", "me.java"));
        assertEquals("/new/list", routes.routeOf("functions.new_", "list.java"));
        assertEquals("/api/custom_", routes.folderOf("functions.api.custom_"), "only keywords lose the underscore");
        assertEquals("/", routes.folderOf("functions"));
        assertThrows(InvalidRouteException.class, () -> routes.folderOf("com.example"));
    }
}
