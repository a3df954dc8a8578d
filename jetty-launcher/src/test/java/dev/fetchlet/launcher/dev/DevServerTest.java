package dev.fetchlet.launcher.dev;

import static dev.fetchlet.launcher.dev.DevFolder.handler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev server on a real folder: sources edited, broken, deleted and added on disk while it serves, seen
 * through HTTP. Each change must show within a deadline; how fast is not asserted beyond it.
 */
class DevServerTest {
    /** What the feature promises for an edit. */
    private static final Duration EDIT_DEADLINE = Duration.ofSeconds(2);
    /** For the other changes, some of which rebuild twice (an error page, then its fix), on a busy machine. */
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private DevFolder app;

    @BeforeEach
    void folder() {
        app = new DevFolder(dir)
                .write("functions/api/hello.java", handler("functions.api", "Hello", "Response.text(\"v1\")"))
                .write("functions/api/users/[id].java",
                        handler("functions.api.users", "User", "Response.text(\"User \" + ctx.params().get(\"id\"))"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void anEditedHandlerAnswersTheNextRequestsWithTheNewCode() {
        app.start();
        assertEquals("v1", app.get("/api/hello").body());

        // The first reload also warms the in-memory compiler up (its classes load and JIT on first use); the
        // two-second promise is about the edit loop a developer lives in, so it is held to the second edit.
        app.write("functions/api/hello.java", handler("functions.api", "Hello", "Response.text(\"v2\")"));
        app.awaitBody("/api/hello", "v2", DEADLINE);
        app.write("functions/api/hello.java", handler("functions.api", "Hello", "Response.text(\"v3\")"));
        app.awaitBody("/api/hello", "v3", EDIT_DEADLINE);
        assertEquals("User 7", app.get("/api/users/7").body());
    }

    @Test
    void aCompileErrorShowsOnItsRouteWhileTheOtherRoutesKeepServing() {
        app.start();
        app.write("functions/api/hello.java", handler("functions.api", "Hello", "Response.text(\"v2\") oops"));

        HttpResponse<String> broken = app.await("/api/hello", r -> r.statusCode() == 500, DEADLINE);
        assertTrue(broken.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), broken.headers().toString());
        assertTrue(broken.body().contains("<h1>Compile error</h1>"), broken.body());
        assertTrue(broken.body().contains("functions/api/hello.java:8: error: &#39;;&#39; expected"), broken.body());
        assertTrue(broken.body().contains("return Response.text(&quot;v2&quot;) oops;"), "the line: " + broken.body());
        assertEquals("User 7", app.get("/api/users/7").body(), "the other route is untouched");
        assertEquals(404, app.get("/api/nothing").statusCode());

        app.write("functions/api/hello.java", handler("functions.api", "Hello", "Response.text(\"fixed\")"));
        app.awaitBody("/api/hello", "fixed", DEADLINE);
    }

    @Test
    void aSourceBrokenByAnotherShowsBothErrors() {
        app.write("functions/Greetings.java", "package functions;\n\npublic final class Greetings {\n"
                        + "    public static String hello() { return \"hello\"; }\n}\n")
                .write("functions/api/hello.java",
                        handler("functions.api", "Hello", "Response.text(functions.Greetings.hello())"));
        app.start();
        assertEquals("hello", app.get("/api/hello").body());

        app.write("functions/Greetings.java", "package functions;\n\npublic final class Greetings {\n"
                + "    public static String hello() { return 42; }\n}\n");
        HttpResponse<String> broken = app.await("/api/hello", r -> r.statusCode() == 500, DEADLINE);
        assertTrue(broken.body().contains("functions/api/hello.java"), broken.body());
        assertTrue(broken.body().contains("Other sources that do not compile"), broken.body());
        assertTrue(broken.body().contains("functions/Greetings.java:4: error: incompatible types"), broken.body());
        assertEquals("User 7", app.get("/api/users/7").body());
    }

    @Test
    void aDeletedSourceTakesItsRouteAway() {
        app.start();
        assertEquals(200, app.get("/api/hello").statusCode());

        app.delete("functions/api/hello.java");
        app.await("/api/hello", r -> r.statusCode() == 404, DEADLINE);
        assertEquals("User 7", app.get("/api/users/7").body());
    }

    @Test
    void aSourceInANewFolderAddsItsRoute() {
        app.start();
        assertEquals(404, app.get("/api/orders/list").statusCode());

        app.write("functions/api/orders/list.java", handler("functions.api.orders", "Orders", "Response.json(java.util.List.of(1, 2))"));
        HttpResponse<String> orders = app.await("/api/orders/list", r -> r.statusCode() == 200, DEADLINE);
        assertEquals("[1,2]", orders.body());
    }

    @Test
    void dotEnvFeedsContextEnvAndAChangeIsSeen() {
        app.write(".env", "# settings for development\nGREETING=Hi there\n")
                .write("functions/api/greeting.java",
                        handler("functions.api", "Greeting", "Response.text(ctx.env().get(\"GREETING\"))"));
        app.start();
        assertEquals("Hi there", app.get("/api/greeting").body());

        app.write(".env", "GREETING='Hello again'\n");
        app.awaitBody("/api/greeting", "Hello again", DEADLINE);
    }

    @Test
    void theStaticFolderServesWhatNoRouteTakes() {
        app.write("public/index.html", "<h1>home</h1>").write("public/css/site.css", "h1{color:red}");
        app.start();
        assertEquals("<h1>home</h1>", app.get("/").body());
        assertEquals("h1{color:red}", app.get("/css/site.css").body());
        assertEquals("v1", app.get("/api/hello").body());

        app.write("public/css/site.css", "h1{color:blue}");
        app.await("/css/site.css", r -> r.body().equals("h1{color:blue}"), DEADLINE);
        app.write("functions/index.java", handler("functions", "Home", "Response.text(\"function home\")"));
        app.awaitBody("/", "function home", DEADLINE);
    }

    @Test
    void aDeploymentErrorShowsOnEveryPathUntilFixed() {
        app.start();
        app.write("functions/api/other.java", "package functions.api;\n\nimport dev.fetchlet.*;\n\n"
                + "@Route(\"/api/hello\")\nclass Other implements Handler {\n"
                + "    public Response onRequest(Context ctx) { return Response.text(\"other\"); }\n}\n");

        HttpResponse<String> failed = app.await("/api/users/7", r -> r.statusCode() == 500, DEADLINE);
        assertTrue(failed.body().contains("The app failed to deploy"), failed.body());
        assertTrue(failed.body().contains("Duplicate route"), failed.body());
        assertTrue(failed.body().contains("functions.api.Other"), failed.body());

        app.delete("functions/api/other.java");
        app.awaitBody("/api/users/7", "User 7", DEADLINE);
    }

    @Test
    void theSeedRoutingTableFromSourceFiles() {
        app.write("functions/index.java", handler("functions", "Index", "Response.text(\"index\")"))
                .write("functions/hello-pages.java", handler("functions", "HelloPages", "Response.text(\"hello-pages\")"))
                .write("functions/helloworld.java", handler("functions", "HelloWorld", "Response.text(\"helloworld\")"))
                .write("functions/api/users/list.java", handler("functions.api.users", "UsersList", "Response.text(\"list\")"))
                .write("functions/api/users/geo.java", handler("functions.api.users", "UsersGeo", "Response.text(\"geo\")"))
                .write("functions/api/visit/index.java", handler("functions.api.visit", "Visit", "Response.text(\"visit\")"))
                .write("functions/api/[[default]].java", handler("functions.api", "ApiDefault",
                        "Response.text(\"default \" + ctx.params().get(\"default\"))"));
        app.start();
        assertEquals("index", app.get("/").body());
        assertEquals("hello-pages", app.get("/hello-pages/").body());
        assertEquals("helloworld", app.get("/helloworld").body());
        assertEquals(404, app.get("/HelloWorld").statusCode());
        assertEquals("list", app.get("/api/users/list").body());
        assertEquals("geo", app.get("/api/users/geo").body());
        assertEquals("User 1024", app.get("/api/users/1024").body());
        assertEquals("visit", app.get("/api/visit").body());
        assertEquals("default books/list", app.get("/api/books/list").body());
        assertEquals("default users/vip/1024", app.get("/api/users/vip/1024").body());
        assertEquals(404, app.get("/v2/vip/1024").statusCode());
    }
}
