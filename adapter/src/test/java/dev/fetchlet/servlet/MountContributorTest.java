package dev.fetchlet.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fetchlet.routing.RoutePattern;
import org.junit.jupiter.api.Test;

/** The folder route a mount also answers: the catch-all's prefix, which must parse back to that folder. */
class MountContributorTest {

    @Test
    void theFolderIsTheCatchAllsPrefix() {
        assertEquals("/express", MountContributor.folderOf("/express/[[default]]"));
        assertEquals("/", MountContributor.folderOf("/[[default]]"));
        assertEquals("/a/b", MountContributor.folderOf("/a/b/[[rest]]"));
    }

    @Test
    void aFolderNamedIndexKeepsItsName() {
        // 'index' as a last segment names the parent folder, so the folder route spells it twice.
        String folder = MountContributor.folderOf("/index/[[default]]");
        assertEquals("/index", RoutePattern.parse(folder).pattern().replace("/index/index", "/index"));
        assertEquals("/index/index", folder);
        assertEquals("/a/index/index", MountContributor.folderOf("/a/index/[[default]]"));
    }
}
