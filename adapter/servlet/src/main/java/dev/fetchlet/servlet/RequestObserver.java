package dev.fetchlet.servlet;

/**
 * Told of every routed request once its answer is complete (at the end of the servlet call, or of its async
 * cycle). The metrics feature is one; an observer must be cheap and must not throw.
 */
@FunctionalInterface
public interface RequestObserver {
    /**
     * @param route  the route's pattern as declared, e.g. {@code /users/[id]}: bounded, unlike the path
     * @param method the request method, upper case
     * @param status the status answered; 500 when the servlet call threw
     * @param nanos  the time from routing to the complete answer
     */
    void answered(String route, String method, int status, long nanos);
}
