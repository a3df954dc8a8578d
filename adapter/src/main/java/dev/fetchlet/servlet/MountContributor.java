package dev.fetchlet.servlet;

import dev.fetchlet.routing.RoutePattern;
import dev.fetchlet.routing.RouteTable;
import jakarta.servlet.ServletContext;
import java.util.Set;

/**
 * Routes each mounted app's folder to the app as well: {@code /express/[[default]]} does not match {@code /express}
 * or {@code /express/} (a catch-all needs at least one segment), yet an Express-style app answers there at its
 * {@code /}. The folder is an ordinary route, so a handler already declared for it fails the deployment as a
 * duplicate, naming both classes.
 */
final class MountContributor implements RouteContributor {
    @Override
    public void contribute(Set<Class<?>> classes, Deployment deployment, ServletContext context,
                           RouteTable.Builder<RouteTarget> routes) {
        for (MountRegistry.Mount m : MountRegistry.drain(context)) {
            routes.add(folderOf(m.pattern()), m.route(), m.source() + " (the folder it is mounted at)");
        }
    }

    /** {@code /express} for {@code /express/[[default]]}, {@code /} for {@code /[[default]]}. */
    static String folderOf(String catchAllPattern) {
        String normalized = RoutePattern.parse(catchAllPattern).pattern();
        int slash = normalized.lastIndexOf('/');
        String folder = slash <= 0 ? "/" : normalized.substring(0, slash);
        // A last segment 'index' names its parent folder; written twice, it names the folder called index.
        return folder.endsWith("/index") ? folder + "/index" : folder;
    }
}
