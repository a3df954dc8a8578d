package dev.fetchlet.servlet;

import java.util.List;

/**
 * A part of Fetchlet that plugs into a deployment: functions and CloudEvents, mounted apps, health checks,
 * Prometheus metrics, or a module of your own. Features are found with {@link java.util.ServiceLoader}: a jar
 * lists its implementations in {@code META-INF/services/dev.fetchlet.servlet.Feature}. Each deployment loads
 * its own instances, so a feature may keep the deployment's state in its fields.
 *
 * <pre>{@code
 * public final class AuditFeature implements Feature {
 *     @Override
 *     public void contribute(Deployment.Builder deployment) {
 *         deployment.observe((route, method, status, nanos) -> audit(route, status));
 *     }
 * }
 * }</pre>
 *
 * <p>The core knows no feature by name: what a WAR serves beyond Fetch handlers and WebSocket is what the
 * features on its classpath bring.
 */
public interface Feature {
    /** The kinds of {@code @Route} class this feature serves, beyond Fetch handlers (a function, a servlet). */
    default List<RouteBinder> binders() {
        return List.of();
    }

    /**
     * Adds what else the feature brings (routes, request observers, health checks, listeners), once every
     * {@code @Route} class is bound. Throwing fails the deployment with the exception's message.
     */
    default void contribute(Deployment.Builder deployment) throws Exception {
    }

    /**
     * Features contribute in ascending order; ties keep the order they were found in. Features that survey
     * the others' contributions (health asks the health checks the functions added) come late.
     */
    default int order() {
        return 0;
    }
}
