package dev.fetchlet;

/**
 * Marks a kind of class that Fetchlet deploys by its type alone, without {@code @Route}: the servlet container
 * hands every implementation of a subtype of this interface to Fetchlet's initializer at start-up, and the
 * feature that owns the subtype picks its classes out. Applications do not implement it directly; they
 * implement a subtype such as {@code dev.fetchlet.function.HttpFunction}.
 *
 * <p>It exists so that the servlet host can name one type in its {@code @HandlesTypes} (a container looks for
 * subtypes of the types named there) without naming the optional modules' types, which a WAR may not carry:
 * <pre>{@code
 * // in an optional module
 * public interface ScheduledJob extends Deployable {
 *     void run();
 * }
 * // its Feature finds the jobs among the classes the container found
 * deployment.classes().stream().filter(ScheduledJob.class::isAssignableFrom)...
 * }</pre>
 */
public interface Deployable {
}
