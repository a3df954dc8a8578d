package dev.fetchlet.servlet;

import dev.fetchlet.routing.RouteTable;
import jakarta.servlet.ServletContext;
import java.util.Set;

/**
 * Adds routes that do not come from a {@code @Route} annotation: built-in endpoints every deployment serves, or
 * routes derived another way. Runs once at deploy, after the configuration is read.
 */
interface RouteContributor {
    void contribute(Set<Class<?>> classes, Deployment deployment, ServletContext context,
                    RouteTable.Builder<RouteTarget> routes) throws Exception;
}
