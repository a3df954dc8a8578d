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
    void theKeyIsThePartOfThePathTheFoldersDependOn() {
        assertEquals("/api", Folders.enclosingKey("/api/users/7", 1));
        assertEquals("/api/users", Folders.enclosingKey("/api/users/7", 2));
        assertEquals("/api/users/7", Folders.enclosingKey("/api/users/7", 5));
        assertEquals("//api", Folders.enclosingKey("//api/x", 1), "an empty segment is not a folder");
        assertEquals("/a;p/b", Folders.enclosingKey("/a;p/b/c", 2));
        assertEquals("/;p/b", Folders.enclosingKey("/;p/b/c", 1), "nor is a segment that is only a parameter");
        assertEquals("", Folders.enclosingKey("/api", 0));
    }

    /** Every pair of paths built from these segments: the same key must mean the same folders. */
    @Test
    void pathsWithOneKeyLieInTheSameFolders() {
        List<String> segments = List.of("", "a", "b", ";p", "a;q", "%61", ".", "x y");
        List<String> paths = new java.util.ArrayList<>();
        for (String s1 : segments) {
            for (String s2 : segments) {
                for (String s3 : segments) {
                    paths.add("/" + s1 + "/" + s2 + "/" + s3);
                    paths.add("/" + s1 + "/" + s2);
                }
            }
        }
        for (int depth = 0; depth <= 3; depth++) {
            java.util.Map<String, List<String>> byKey = new java.util.HashMap<>();
            for (String path : paths) {
                List<String> folders = Folders.enclosing(path, depth);
                assertEquals(folders, Folders.enclosing(Folders.enclosingKey(path, depth).isEmpty() ? "/"
                        : Folders.enclosingKey(path, depth), depth), path + " at depth " + depth);
                List<String> earlier = byKey.putIfAbsent(Folders.enclosingKey(path, depth), folders);
                if (earlier != null) {
                    assertEquals(earlier, folders, path + " at depth " + depth);
                }
            }
        }
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
