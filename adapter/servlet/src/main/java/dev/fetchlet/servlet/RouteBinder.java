package dev.fetchlet.servlet;

/**
 * Binds one kind of {@code @Route} class to what serves it: a Fetch handler, a function, a mounted servlet ...
 * Each binder says whether it takes a class and turns it into the target its route leads to. The first binder
 * that accepts a class wins; a class no binder accepts fails the deployment.
 */
public interface RouteBinder {
    /** Whether classes like {@code type} are this binder's. */
    boolean accepts(Class<?> type);

    /** A short description for the message listing what a {@code @Route} class may be. */
    String describe();

    /**
     * The target for one class and its pattern.
     *
     * @throws Exception anything that should fail the deployment; the message should name {@code type}
     */
    RouteTarget bind(Class<?> type, String pattern, Deployment.Builder deployment) throws Exception;
}
