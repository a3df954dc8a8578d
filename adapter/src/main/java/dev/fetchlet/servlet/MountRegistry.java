package dev.fetchlet.servlet;

import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The apps mounted while the initializer runs, for {@link MountContributor} to route their folders too. Kept in the
 * servlet context, since kinds and contributors only share that, and removed once the contributor is done.
 */
final class MountRegistry {
    private static final String ATTRIBUTE = "dev.fetchlet.mounts";

    /** One mounted app: the catch-all it was declared at, its route, and its class for error messages. */
    record Mount(String pattern, MountRoute route, String source) {
    }

    private final List<Mount> mounts = new ArrayList<>();

    static MountRegistry of(ServletContext context) {
        Object existing = context.getAttribute(ATTRIBUTE);
        if (existing instanceof MountRegistry registry) {
            return registry;
        }
        MountRegistry registry = new MountRegistry();
        context.setAttribute(ATTRIBUTE, registry);
        return registry;
    }

    /** The mounts recorded so far, and forgets them: the servlet context keeps nothing once routes are built. */
    static List<Mount> drain(ServletContext context) {
        Object existing = context.getAttribute(ATTRIBUTE);
        context.removeAttribute(ATTRIBUTE);
        return existing instanceof MountRegistry registry ? List.copyOf(registry.mounts) : List.of();
    }

    synchronized void add(String pattern, MountRoute route, String source) {
        mounts.add(new Mount(pattern, route, source));
    }
}
