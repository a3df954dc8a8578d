package dev.fetchlet.example.express;

import dev.fetchlet.Context;
import dev.fetchlet.Route;
import dev.fetchlet.javalin.JavalinApp;
import dev.fetchlet.mount.SubApp;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Express example of Node Functions ({@code node-functions/express/[[default]].js}) as a Javalin app: every
 * path below {@code /express} is the app's, declared as if the app were served at the root. The app starts no
 * server of its own.
 *
 * <ul>
 *   <li>{@code GET /express}: a greeting</li>
 *   <li>{@code GET /express/users/7}: {@code {"userId": "7", "message": "Fetched user 7"}}</li>
 *   <li>{@code POST /express/echo}: the body it was sent, with its length and type</li>
 *   <li>{@code GET /express/request}: how the request looks from inside the app, and the Fetchlet context</li>
 *   <li>{@code GET /express/boom}: throws; Javalin answers its own 500</li>
 * </ul>
 * {@code /express/health} is not the app's: {@link ExpressHealth}, a file route, wins over the catch-all.
 */
@Route("/express/[[default]]")
public class ExpressApp implements JavalinApp {
    private static final Logger LOG = LoggerFactory.getLogger(ExpressApp.class);

    @Override
    public void configure(JavalinConfig app) {
        // The logging middleware of the Express example: [ISO time] METHOD url. The url as the client sent it,
        // still percent-encoded like Express's req.url: a decoded path may hold a line break (%0A) that would
        // start a forged log line with a layout that does not escape it (logback.xml here does).
        app.routes.before(ctx -> {
            String query = ctx.queryString();
            LOG.info("[{}] {} {}{}", Instant.now(), ctx.method(), ctx.req().getRequestURI(),
                    query == null ? "" : "?" + query);
        });

        app.routes.get("/", ctx -> ctx.json(Map.of("message", "Hello from Express on Fetchlet!")));

        app.routes.get("/users/{id}", ctx -> {
            String id = ctx.pathParam("id");
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("userId", id);
            user.put("message", "Fetched user " + id);
            ctx.json(user);
        });

        app.routes.post("/echo", ctx -> {
            byte[] body = ctx.bodyAsBytes();
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("body", new String(body, java.nio.charset.StandardCharsets.UTF_8));
            echo.put("bytes", body.length);
            echo.put("contentType", ctx.contentType());
            ctx.status(HttpStatus.CREATED).json(echo);
        });

        app.routes.get("/request", ctx -> {
            Context fetchlet = SubApp.context(ctx.req());
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("contextPath", ctx.req().getContextPath());
            seen.put("servletPath", ctx.req().getServletPath());
            seen.put("pathInfo", ctx.req().getPathInfo());
            seen.put("requestUri", ctx.req().getRequestURI());
            seen.put("queryString", ctx.queryString());
            seen.put("requestId", SubApp.requestId(ctx.req()));
            seen.put("contextUuid", fetchlet.uuid());
            seen.put("clientIp", fetchlet.clientIp());
            seen.put("region", fetchlet.server().region());
            seen.put("params", fetchlet.params().list("default"));
            ctx.json(seen);
        });

        app.routes.get("/boom", ctx -> {
            throw new IllegalStateException("internal detail the client must not see");
        });
    }
}
