package dev.fetchlet.mount;

import dev.fetchlet.servlet.Feature;
import dev.fetchlet.servlet.RouteBinder;
import java.util.List;

/** Mounted servlet apps: a {@code @Route("/x/[[rest]]")} on a {@link jakarta.servlet.Servlet} class. */
public final class MountFeature implements Feature {
    @Override
    public List<RouteBinder> binders() {
        return List.of(new ServletMountBinder());
    }
}
