package dev.fetchlet.servlet;

import jakarta.servlet.ServletContext;

/**
 * A kind of class a {@code @Route} may sit on: a Fetch handler, a mounted servlet app, ... Each kind says
 * whether it takes a class and turns it into the target its route leads to. The first kind that accepts a
 * class wins; a class no kind accepts fails the deployment.
 */
interface RouteKind {
    /** Whether classes like {@code type} are this kind's. */
    boolean accepts(Class<?> type);

    /** A short description for the message listing what a {@code @Route} class may be. */
    String describe();

    /**
     * The target for one class and its pattern.
     *
     * @throws Exception anything that should fail the deployment; the message should name {@code type}
     */
    RouteTarget create(Class<?> type, String pattern, Deployment deployment, ServletContext context) throws Exception;
}
