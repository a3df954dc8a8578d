package dev.fetchlet.it.servletonly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Http;
import dev.fetchlet.it.harness.OnEachEmbeddedContainer;
import dev.fetchlet.it.harness.OwnWarDeployment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A WAR that depends on {@code dev.fetchlet:fetchlet-servlet} alone ({@code src-test/servlet-only-war}) carries
 * no CloudEvents, Prometheus or Javalin jar, nor Fetchlet's optional modules, and still serves a handler, a
 * WebSocket route, a mounted plain servlet and the health probes, on the launcher's Jetty and on Tomcat.
 */
@OnEachEmbeddedContainer
class ServletOnlyWarTest {
    private static final Map<ContainerKind, OwnWarDeployment> RUNNING = new EnumMap<>(ContainerKind.class);

    private final OwnWarDeployment app;
    private final Http http;

    ServletOnlyWarTest(ContainerKind kind) throws Exception {
        this.app = deployed(kind);
        this.http = Http.to(app);
    }

    private static synchronized OwnWarDeployment deployed(ContainerKind kind) throws Exception {
        OwnWarDeployment app = RUNNING.get(kind);
        if (app == null) {
            app = OwnWarDeployment.start(kind, war());
            RUNNING.put(kind, app);
        }
        return app;
    }

    @AfterAll
    static synchronized void stop() throws Exception {
        for (OwnWarDeployment app : RUNNING.values()) {
            app.close();
        }
        RUNNING.clear();
    }

    static Path war() {
        Path war = Path.of(System.getProperty("fetchlet.servletOnlyWar", "servlet-only-war/target/servlet-only.war"));
        assertTrue(Files.isRegularFile(war), "build src-test/servlet-only-war first: " + war.toAbsolutePath());
        return war;
    }

    @Test
    void theWarCarriesTheApiAndTheServletHostOnly() throws Exception {
        List<String> libs;
        try (ZipFile zip = new ZipFile(war().toFile())) {
            libs = zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar"))
                    .map(n -> n.substring("WEB-INF/lib/".length())).sorted().toList();
        }
        assertTrue(libs.stream().anyMatch(n -> n.startsWith("fetchlet-servlet-")), libs.toString());
        assertTrue(libs.stream().anyMatch(n -> n.startsWith("fetchlet-api-")), libs.toString());
        for (String unwanted : List.of("cloudevents", "prometheus", "javalin", "fetchlet-functions",
                "fetchlet-metrics", "fetchlet-adapter")) {
            assertFalse(libs.stream().anyMatch(n -> n.contains(unwanted)), unwanted + " in " + libs);
        }
    }

    @Test
    void itServesItsHandler() throws Exception {
        HttpResponse<String> r = http.get("/hello?name=Ada");
        assertEquals(200, r.statusCode());
        assertEquals("Hello, Ada!", r.body());
        assertTrue(r.headers().firstValue("Functions-Request-Id").isPresent(), "the pipeline's request id");
    }

    @Test
    void itAnswersAMethodTheHandlerLacksWith405() throws Exception {
        HttpResponse<String> r = http.send("DELETE", "/hello", Map.of(), null);
        assertEquals(405, r.statusCode());
        assertTrue(r.headers().firstValue("Allow").orElse("").contains("GET"), r.headers().map().toString());
    }

    @Test
    void itServesAWebSocketRoute() throws Exception {
        CompletableFuture<String> echoed = new CompletableFuture<>();
        URI uri = URI.create(app.uri("/echo").toString().replaceFirst("^http", "ws"));
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    echoed.complete(text.toString());
                }
                socket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        ws.sendText("ping from a servlet-only WAR", true).get(30, TimeUnit.SECONDS);
        assertEquals("ping from a servlet-only WAR", echoed.get(30, TimeUnit.SECONDS));
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(30, TimeUnit.SECONDS);
    }

    @Test
    void itServesAMountedPlainServlet() throws Exception {
        HttpResponse<String> r = http.get("/plain/some/where");
        assertEquals(200, r.statusCode());
        assertEquals("plain servlet at /plain /some/where", r.body());
    }

    @Test
    void itServesTheHealthProbes() throws Exception {
        assertEquals(200, http.get("/health/liveness").statusCode());
        assertEquals(200, http.get("/health/readiness").statusCode());
    }

    @Test
    void itHasNoMetricsEndpointWithoutTheMetricsModule() throws Exception {
        assertEquals(404, http.get("/metrics").statusCode());
    }
}
