package dev.fetchlet.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fetchlet.routing.RoutePattern;
import org.junit.jupiter.api.Test;

/** The folder route a mount also answers: the catch-all's prefix, which must parse back to that folder. */
class MountFolderTest {

    @Test
    void theFolderIsTheCatchAllsPrefix() {
        assertEquals("/express", MountRoute.folderOf("/express/[[default]]"));
        assertEquals("/", MountRoute.folderOf("/[[default]]"));
        assertEquals("/a/b", MountRoute.folderOf("/a/b/[[rest]]"));
    }

    @Test
    void aFolderNamedIndexKeepsItsName() {
        // 'index' as a last segment names the parent folder, so the folder route spells it twice.
        String folder = MountRoute.folderOf("/index/[[default]]");
        assertEquals("/index", RoutePattern.parse(folder).pattern().replace("/index/index", "/index"));
        assertEquals("/index/index", folder);
        assertEquals("/a/index/index", MountRoute.folderOf("/a/index/[[default]]"));
    }
}
