package dev.fetchlet.it.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Request;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.it.harness.Http;
import dev.fetchlet.it.harness.Wars;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What README.md says of the example app, checked against the example WAR itself (not the conformance WAR, so
 * no fixture can make a claim true) run by the README's own command,
 * {@code java -jar fetchlet-launcher.jar fetchlet-example.war}. Each test names the README passage it checks.
 */
class ReadmeExamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static LauncherJar launcher;

    @BeforeAll
    static void start() throws Exception {
        launcher = LauncherJar.start(Wars.example());
    }

    @AfterAll
    static void stop() {
        if (launcher != null) {
            launcher.close();
        }
    }

    /** "The two commands": open /api/hello or /api/users/1024. */
    @Test
    void theTwoCommandsRunTheExampleAtItsHelloAndUserRoutes() throws Exception {
        assertEquals(200, get("/api/hello").statusCode());
        HttpResponse<String> user = get("/api/users/1024");
        assertEquals(200, user.statusCode());
        assertEquals("User id is 1024", user.body(), "the README's opening User handler");
    }

    /** Quick start, step 3: "At start the launcher prints the route table". */
    @Test
    void theLauncherPrintsTheRouteTableAtStart() {
        String output = launcher.output();
        assertTrue(output.contains("Routes:"), output);
        assertTrue(output.lines().anyMatch(line -> line.contains("/api/hello") && line.contains("functions.api.Hello")),
                output);
        assertFalse(output.contains("/conformance"), "the example serves no fixture route: " + output);
    }

    /** Quick start, step 3: "GET /api/hello answers Hello from Fetchlet Functions!". */
    @Test
    void helloWithoutANameAnswersTheGreeting() throws Exception {
        HttpResponse<String> r = get("/api/hello");
        assertEquals(200, r.statusCode());
        assertEquals("Hello from Fetchlet Functions!", r.body());
    }

    /** Quick start, step 3: "GET /api/hello?name=Ada answers Hello, Ada!". */
    @Test
    void helloGreetsAdaByName() throws Exception {
        HttpResponse<String> r = get("/api/hello?name=Ada");
        assertEquals(200, r.statusCode());
        assertEquals("Hello, Ada!", r.body());
    }

    /** Quick start, steps 2 and 4: the handler as the README writes it, tested as the README tests it. */
    @Test
    void theQuickStartHandlerIsTestedWithoutAServer() throws Exception {
        Context ctx = Context.builder(Request.builder("GET", "http://localhost/api/hello?name=Ada").build()).build();
        assertEquals("Hello, Ada!", new Hello().onRequest(ctx).bodyText());
    }

    /** The README's Quick Start handler, word for word. */
    @Route("/api/hello")
    public static class Hello implements Handler {
        @Override
        public Response onRequest(Context ctx) {
            String name = ctx.request().query("name");
            if (name == null || name.isBlank()) {
                return Response.text("Hello from Fetchlet Functions!");
            }
            return Response.text("Hello, " + name + "!");
        }
    }

    /** "Routes": each row of the table, on the example's handler for it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/                    | Fetchlet example",
        "/hello-pages         | Hello from Fetchlet Pages!",
        "/hello-pages/        | Hello from Fetchlet Pages!",
        "/api/users/list      | \"name\":\"Ada\"",
        "/api/users/1024      | User id is 1024",
        "/api/users/caf%C3%A9 | User id is café",
        "/api/visit           | \"visits\":",
        "/api/books/list      | \"segments\":[\"books\",\"list\"]",
        "/api/books/list      | \"path\":\"books/list\"",
        "/api/1024            | \"route\":\"/api/[[default]]\"",
        "/api/users/vip/1024  | \"route\":\"/api/[[default]]\"",
    })
    void eachRowOfTheRoutingTableIsServed(String path, String expected) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.body().contains(expected), path + ": " + r.body());
    }

    /** "Routes": {@code /api/[[default]]} does not serve {@code /api} itself. */
    @Test
    void theCatchAllDoesNotServeItsOwnFolder() throws Exception {
        assertEquals(404, get("/api").statusCode());
    }

    /** "The example app has ... /api/nodeinfo". */
    @Test
    void nodeinfoDescribesTheJvm() throws Exception {
        HttpResponse<String> r = get("/api/nodeinfo");
        assertEquals(200, r.statusCode());
        JsonNode info = JSON.readTree(r.body());
        // The launcher runs on this test's JDK (LauncherJar starts it with java.home's java).
        assertEquals(Runtime.version().toString(), info.get("javaVersion").asText(), r.body());
        assertEquals(launcher.pid(), info.get("pid").asLong(), "the launcher's own process");
    }

    /** "The example app has ... a JSON echo at /api/echo"; "malformed JSON answers 400 by itself". */
    @Test
    void echoSendsBackTheJsonItWasSent() throws Exception {
        String body = "{\"order\":7,\"items\":[\"tea\",\"milk\"]}";
        HttpResponse<String> r = post("/api/echo", body);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(JSON.readTree(body), JSON.readTree(r.body()));
        HttpResponse<String> malformed = post("/api/echo", "{\"order\":");
        assertEquals(400, malformed.statusCode(), malformed.body());
    }

    /** "The example app has ... an SSE stream at /api/events". */
    @Test
    void eventsStreamsTicksThenDone() throws Exception {
        HttpResponse<String> r = get("/api/events?count=2&intervalMs=0");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                r.headers().map().toString());
        String body = r.body();
        assertTrue(body.indexOf("event: tick") >= 0 && body.indexOf("event: tick") < body.indexOf("event: done"),
                body);
    }

    /** "The example app has ... a static index.html". */
    @Test
    void theStaticHomePageIsServed() throws Exception {
        HttpResponse<String> r = get("/index.html");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }

    /** "More": the chat at /chat/[room], its page at /chat.html. */
    @Test
    void theChatPageAndARoomAnswer() throws Exception {
        assertEquals(200, get("/chat.html").statusCode());
        CompletableFuture<String> first = new CompletableFuture<>();
        WebSocket ws = Http.client().newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(URI.create("ws://127.0.0.1:" + launcher.port() + "/chat/readme?name=ada"),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                                first.complete(data.toString());
                                return null;
                            }
                        })
                .get(30, TimeUnit.SECONDS);
        JsonNode joined = JSON.readTree(first.get(30, TimeUnit.SECONDS));
        assertEquals("join", joined.get("type").asText());
        assertEquals("ada", joined.get("from").asText());
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(30, TimeUnit.SECONDS);
    }

    /** "More": the sub-apps' {@code /express/...} and {@code /koa/...}. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/express         | Hello from Express on Fetchlet!",
        "/express/users/7 | Fetched user 7",
        "/express/health  | served by a Fetch handler",
        "/koa             | Hello from Koa on Fetchlet!",
        "/koa/users/7     | Fetched user 7",
    })
    void theSubAppsAnswer(String path, String expected) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.body().contains(expected), path + ": " + r.body());
    }

    /** "More": health checks at /health/liveness and /health/readiness, Prometheus metrics at /metrics. */
    @Test
    void healthAndMetricsAnswer() throws Exception {
        assertEquals(200, get("/health/liveness").statusCode());
        assertEquals(200, get("/health/readiness").statusCode());
        get("/api/hello");
        HttpResponse<String> metrics = get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("faas_invocations_total{"), metrics.body());
    }

    /** "More": the example's /db and /api/todos, on the embedded H2 when no database is configured. */
    @Test
    void theDatabaseRoutesAnswerOnTheEmbeddedDatabase() throws Exception {
        HttpResponse<String> db = get("/db");
        assertEquals(200, db.statusCode(), db.body());
        assertTrue(JSON.readTree(db.body()).get("success").asBoolean(), db.body());
        HttpResponse<String> todos = get("/api/todos");
        assertEquals(200, todos.statusCode(), todos.body());
        assertTrue(JSON.readTree(todos.body()).isArray(), todos.body());
    }

    /** The example WAR serves no fixture: a fixture's path is an unmatched path there. */
    @Test
    void aFixturePathIsNotFound() throws Exception {
        assertEquals(404, get("/conformance/count/readme").statusCode());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return Http.client().send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return Http.client().send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + launcher.port() + path);
    }
}
