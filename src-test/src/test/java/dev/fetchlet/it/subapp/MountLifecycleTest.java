package dev.fetchlet.it.subapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachEmbeddedContainer;
import dev.fetchlet.it.subapp.LifecycleApps.EchoMount;
import dev.fetchlet.it.subapp.LifecycleApps.FolderHandler;
import dev.fetchlet.it.subapp.LifecycleApps.NotCatchAll;
import dev.fetchlet.it.subapp.LifecycleApps.SiblingHandler;
import dev.fetchlet.it.subapp.LifecycleApps.TenantMount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A mounted servlet's lifecycle and path arithmetic in a web app at {@code /shop}, on each container: init once at
 * deploy ({@code FUNC_MOUNT_START=eager}) with its {@code @InitParam}s, destroy once at stop, and deployments that must fail. Javalin is not on this
 * module's classpath, so these deployments also show that servlet mounts need no Javalin. Runs on the embedded
 * containers only: it starts its own.
 */
@OnEachEmbeddedContainer
class MountLifecycleTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Mounts start at deploy: what the deploy-time tests here watch (lazy start: {@link LazyMountTest}). */
    private static final Map<String, String> EAGER = Map.of("FUNC_MOUNT_START", "eager");

    private final ContainerKind kind;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger fetchletLog = (Logger) LoggerFactory.getLogger("dev.fetchlet");

    MountLifecycleTest(ContainerKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void resetCountersAndWatchTheLog() {
        EchoMount.INITS.set(0);
        EchoMount.DESTROYS.set(0);
        log.start();
        fetchletLog.addAppender(log);
    }

    @AfterEach
    void stopWatchingTheLog() {
        fetchletLog.detachAppender(log);
    }

    @Test
    void servletIsInitializedOnceAtDeployWithItsInitParamsAndDestroyedOnceAtStop() throws Exception {
        try (OwnApp app = OwnApp.start(kind, "/shop", EAGER, EchoMount.class, SiblingHandler.class)) {
            assertTrue(app.deployed(), deploymentLog());
            assertEquals(1, EchoMount.INITS.get());
            assertEquals(List.of("greeting", "mode"), EchoMount.paramNames);
            assertEquals(EchoMount.class.getName(), EchoMount.servletName);

            get(app, "/shop/mounted/a");
            get(app, "/shop/mounted");
            assertEquals(1, EchoMount.INITS.get(), "no init per request");
            assertEquals(0, EchoMount.DESTROYS.get());
        }
        // Routed twice (its catch-all and its folder), destroyed once.
        assertEquals(1, EchoMount.DESTROYS.get());
    }

    @Test
    void prefixJoinsANonRootContextPath() throws Exception {
        try (OwnApp app = OwnApp.start(kind, "/shop", EchoMount.class, SiblingHandler.class)) {
            HttpResponse<String> r = get(app, "/shop/mounted/a%20b/c?x=1&y=%C3%A9");
            assertEquals(200, r.statusCode(), r.body());
            String id = r.headers().firstValue("Functions-Request-Id").orElseThrow();
            assertEquals("GET|/shop/mounted||/a b/c|/shop/mounted/a%20b/c|x=1&y=%C3%A9|hello|" + id, r.body());
        }
    }

    @Test
    void mountFolderWithAndWithoutSlashIsTheAppsRoot() throws Exception {
        try (OwnApp app = OwnApp.start(kind, "/shop", EchoMount.class, SiblingHandler.class)) {
            for (String path : List.of("/shop/mounted", "/shop/mounted/")) {
                HttpResponse<String> r = get(app, path + "?q=1");
                assertEquals(200, r.statusCode(), path + ": " + r.body());
                assertTrue(r.body().startsWith("GET|/shop/mounted||/|/shop/mounted/|q=1|hello|"), path + ": " + r.body());
            }
        }
    }

    @Test
    void fileRouteBesideTheMountWins() throws Exception {
        try (OwnApp app = OwnApp.start(kind, "/shop", EchoMount.class, SiblingHandler.class)) {
            assertEquals("handler", get(app, "/shop/mounted/health").body());
            assertTrue(get(app, "/shop/mounted/healthy").body().startsWith("GET|/shop/mounted||/healthy|"));
        }
    }

    @Test
    void prefixWithADynamicSegmentIsMountedAtItsValue() throws Exception {
        try (OwnApp app = OwnApp.start(kind, "/shop", TenantMount.class)) {
            assertEquals("/shop/t/acme|/x/y|acme", get(app, "/shop/t/acme/x/y").body());
            assertEquals("/shop/t/acme|/|acme", get(app, "/shop/t/acme").body());
        }
    }

    @Test
    void handlerAtTheMountsFolderFailsTheDeployment() throws Exception {
        int inits = EchoMount.INITS.get();
        int destroys = EchoMount.DESTROYS.get();
        try (OwnApp app = OwnApp.start(kind, "/shop", EAGER, EchoMount.class, FolderHandler.class)) {
            assertFalse(app.deployed());
            String failure = deploymentLog();
            assertTrue(failure.contains("Duplicate route") && failure.contains(EchoMount.class.getName())
                    && failure.contains(FolderHandler.class.getName()), failure);
            // The mount was started before the duplicate was found: the failed deployment stops it again.
            assertEquals(1, EchoMount.INITS.get() - inits);
            assertEquals(1, EchoMount.DESTROYS.get() - destroys);
        }
    }

    @Test
    void servletAtARouteThatIsNotACatchAllFailsTheDeployment() throws Exception {
        try (OwnApp app = OwnApp.start(kind, "", NotCatchAll.class)) {
            assertFalse(app.deployed());
            String failure = deploymentLog();
            assertTrue(failure.contains(NotCatchAll.class.getName()) && failure.contains("catch-all"), failure);
        }
    }

    private String deploymentLog() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
    }

    private static HttpResponse<String> get(OwnApp app, String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
