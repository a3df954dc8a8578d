package dev.fetchlet.launcher.dev;

import static dev.fetchlet.launcher.dev.DevFolder.handler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev server picks up {@code _middleware.java} files as it picks up handlers: one added while it serves
 * applies from the next reload, in a keyword folder too ({@code private}, package {@code private_}), and one
 * deleted stops applying.
 */
class DevMiddlewareTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private DevFolder app;

    @BeforeEach
    void folder() {
        app = new DevFolder(dir)
                .write("functions/api/hello.java", handler("functions.api", "Hello", "Response.text(\"hi\")"))
                .write("functions/api/private/me.java", handler("functions.api.private_", "Me", "Response.text(\"me\")"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static String middleware(String pkg, String className, String body) {
        return "package " + pkg + ";\n\n"
                + "import dev.fetchlet.*;\n\n"
                + "class " + className + " implements Middleware {\n"
                + "    @Override\n"
                + "    public Response onRequest(Context ctx, Next next) throws Exception {\n"
                + "        " + body + "\n"
                + "    }\n"
                + "}\n";
    }

    @Test
    void aNewMiddlewareFileAppliesAfterTheReloadAndADeletedOneStops() {
        app.start();
        HttpResponse<String> before = app.get("/api/hello");
        assertEquals("hi", before.body());
        assertNull(before.headers().firstValue("X-Folder").orElse(null));

        app.write("functions/api/_middleware.java", middleware("functions.api", "Tag",
                "return next.proceed().header(\"X-Folder\", \"api\");"));
        HttpResponse<String> tagged = app.await("/api/hello",
                r -> "api".equals(r.headers().firstValue("X-Folder").orElse(null)), DEADLINE);
        assertEquals("hi", tagged.body());
        assertEquals("api", app.get("/api/private/me").headers().firstValue("X-Folder").orElse(null),
                "a folder's middleware covers the folders below it");
        assertNull(app.get("/").headers().firstValue("X-Folder").orElse(null), "and nothing outside it");

        app.write("functions/api/private/_middleware.java", middleware("functions.api.private_", "Guard",
                "return Response.text(\"no\").status(401);"));
        app.await("/api/private/me", r -> r.statusCode() == 401, DEADLINE);
        assertEquals(200, app.get("/api/hello").statusCode());

        app.delete("functions/api/private/_middleware.java");
        app.awaitBody("/api/private/me", "me", DEADLINE);
    }
}
