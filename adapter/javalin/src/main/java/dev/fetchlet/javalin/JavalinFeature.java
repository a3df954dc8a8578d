package dev.fetchlet.javalin;

import dev.fetchlet.servlet.Feature;
import dev.fetchlet.servlet.RouteBinder;
import java.util.List;

/**
 * Javalin apps mounted at a catch-all route ({@link JavalinApp}). Javalin itself is optional:
 * without it, a {@code JavalinApp} class fails the deployment naming the dependency to add.
 */
public final class JavalinFeature implements Feature {
    @Override
    public List<RouteBinder> binders() {
        return List.of(new JavalinMountBinder());
    }
}
