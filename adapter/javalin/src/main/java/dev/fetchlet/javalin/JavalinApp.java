package dev.fetchlet.javalin;

import io.javalin.config.JavalinConfig;

/**
 * A whole Javalin app served under a catch-all route, as an Express app is in Node Functions: no server or port of
 * its own. The route's static prefix becomes the app's context path, so the app declares its routes as if it were
 * served at the root.
 *
 * <pre>{@code
 * @Route("/express/[[default]]")
 * public class ExpressApp implements JavalinApp {
 *     @Override
 *     public void configure(JavalinConfig app) {
 *         app.routes.get("/", ctx -> ctx.json(Map.of("message", "Hello")));         // GET /express
 *         app.routes.get("/users/{id}", ctx -> ctx.result("user " + ctx.pathParam("id"))); // GET /express/users/7
 *     }
 * }
 * }</pre>
 *
 * <p>Fetchlet constructs the class once (through a constructor without parameters), lets it configure the app
 * when the web app deploys and serves it through Javalin's HTTP servlet. Javalin's lifecycle events fire as for a
 * server of its own: {@code serverStarting}/{@code serverStarted} at deploy, {@code serverStopping}/
 * {@code serverStopped} when the web app stops. Javalin's WebSocket routes are not served (they need Javalin's
 * embedded Jetty); use a Fetchlet WebSocket route beside the app. Javalin is an optional dependency: add
 * {@code io.javalin:javalin} to use this interface.
 */
@FunctionalInterface
public interface JavalinApp {
    /** Declares the app's routes, handlers and settings, as in {@code Javalin.create(config -> ...)}. */
    void configure(JavalinConfig config);
}
