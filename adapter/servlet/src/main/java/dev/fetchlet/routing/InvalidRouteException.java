package dev.fetchlet.routing;

import java.util.List;

/**
 * A route that cannot be deployed: a malformed pattern, or two routes that would serve the same paths.
 *
 * <p>Thrown while the route table is built, so a bad route stops the deployment instead of surfacing at request
 * time. The message names the pattern and every source involved, for example (wrapped here):
 *
 * <pre>{@code
 * Duplicate route: "/api/users/[id]" (com.example.UserById) and "/api/users/[name]" (com.example.UserByName)
 *     both serve /api/users/[id]
 * }</pre>
 *
 * When several routes are wrong at once, {@link #problems()} lists each of them and the message holds them all.
 */
public class InvalidRouteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** @param message the problem, naming the pattern and the sources involved */
    public InvalidRouteException(String message) {
        super(message);
        this.problems = List.of(message);
    }

    /** One exception for several problems, so that a deployment reports all of them in one go. */
    public InvalidRouteException(List<String> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem found, one line each; a single element when only one route is wrong. */
    public List<String> problems() {
        return problems;
    }

    private static String summary(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        return problems.size() + " invalid routes:\n  " + String.join("\n  ", problems);
    }
}
