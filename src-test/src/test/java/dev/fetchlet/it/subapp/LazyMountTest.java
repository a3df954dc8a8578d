package dev.fetchlet.it.subapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachEmbeddedContainer;
import dev.fetchlet.it.subapp.LazyApps.FlakyMount;
import dev.fetchlet.it.subapp.LazyApps.Hello;
import dev.fetchlet.it.subapp.LazyApps.SlowStartMount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * When a mounted app starts ({@code FUNC_MOUNT_START}), on each embedded container: by default on the first
 * request that reaches it, once however many arrive together, with a failed start answering 503 and retried
 * after its back-off; {@code eager} at deploy, as before.
 */
@OnEachEmbeddedContainer
class LazyMountTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, String> EAGER = Map.of("FUNC_MOUNT_START", "eager");

    private final ContainerKind kind;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger fetchletLog = (Logger) LoggerFactory.getLogger("dev.fetchlet");

    LazyMountTest(ContainerKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void resetAndWatchTheLog() {
        SlowStartMount.INITS.set(0);
        SlowStartMount.DESTROYS.set(0);
        FlakyMount.FAIL = true;
        FlakyMount.ATTEMPTS.set(0);
        log.start();
        fetchletLog.addAppender(log);
    }

    @AfterEach
    void stopWatchingTheLog() {
        fetchletLog.detachAppender(log);
    }

    @Test
    void appStartsOnItsFirstRequestNotAtDeployAndGetsTheRequestIdAndContext() throws Exception {
        try (OwnApp app = OwnApp.start(kind, "", SlowStartMount.class, Hello.class)) {
            assertTrue(app.deployed(), logText());
            assertEquals(0, SlowStartMount.INITS.get(), "not started at deploy");
            assertEquals("hello", get(app, "/hello").body());
            assertEquals(0, SlowStartMount.INITS.get(), "not started by a request to another route");

            HttpResponse<String> first = get(app, "/lazy/a");
            assertEquals(200, first.statusCode(), first.body());
            String id = first.headers().firstValue("Functions-Request-Id").orElseThrow();
            assertEquals("/a|" + id + "|" + id, first.body());
            assertEquals(200, get(app, "/lazy").statusCode(), "the mount's folder reaches the started app");
            assertEquals(1, SlowStartMount.INITS.get());
            assertTrue(logText().contains("on its first request"), logText());
        }
        assertEquals(1, SlowStartMount.DESTROYS.get());
    }

    @Test
    void appNoRequestReachedIsNeitherStartedNorDestroyed() throws Exception {
        try (OwnApp app = OwnApp.start(kind, "", SlowStartMount.class, Hello.class)) {
            assertEquals("hello", get(app, "/hello").body());
        }
        assertEquals(0, SlowStartMount.INITS.get());
        assertEquals(0, SlowStartMount.DESTROYS.get());
    }

    @Test
    void concurrentFirstRequestsStartItOnceAndEachGetsItsOwnAnswer() throws Exception {
        int clients = 16;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (OwnApp app = OwnApp.start(kind, "", SlowStartMount.class)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String path = "/lazy/n" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return get(app, path);
                }));
            }
            go.countDown();
            for (int i = 0; i < clients; i++) {
                HttpResponse<String> r = answers.get(i).get();
                assertEquals(200, r.statusCode(), r.body());
                String id = r.headers().firstValue("Functions-Request-Id").orElseThrow();
                assertEquals("/n" + i + "|" + id + "|" + id, r.body());
            }
            assertEquals(1, SlowStartMount.INITS.get(), "one start for all the first requests");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failedStartAnswers503WithAJsonErrorLogsOnceAndIsRetriedAfterTheBackOff() throws Exception {
        try (OwnApp app = OwnApp.start(kind, "", FlakyMount.class, Hello.class)) {
            assertTrue(app.deployed(), "a lazy mount cannot fail the deployment: " + logText());

            HttpResponse<String> failed = get(app, "/flaky/x");
            assertEquals(503, failed.statusCode(), failed.body());
            assertEquals("application/json", failed.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("1", failed.headers().firstValue("Retry-After").orElseThrow());
            String id = failed.headers().firstValue("Functions-Request-Id").orElseThrow();
            assertEquals("{\"error\":\"Service Unavailable\",\"message\":\"the app mounted at /flaky failed to start\","
                    + "\"requestId\":\"" + id + "\"}", failed.body());

            HttpResponse<String> again = get(app, "/flaky/y");
            assertEquals(503, again.statusCode(), again.body());
            assertFalse(again.body().contains("FlakyMount") || again.body().contains("database"), again.body());

            HttpResponse<String> readiness = get(app, "/health/readiness");
            assertEquals(503, readiness.statusCode());
            assertEquals("the app mounted at /flaky failed to start", readiness.body());
            assertEquals("hello", get(app, "/hello").body(), "the rest of the app still answers");

            // One stack trace, for the first failure; a retry that fails again is one line.
            List<ILoggingEvent> traces = log.list.stream().filter(e -> e.getThrowableProxy() != null).toList();
            assertEquals(1, traces.size(), logText());
            assertEquals(Level.ERROR, traces.get(0).getLevel());

            FlakyMount.FAIL = false;
            HttpResponse<String> up = awaitStatus(app, "/flaky/z", 200, Duration.ofSeconds(30));
            assertEquals("up", up.body());
            assertEquals(200, get(app, "/health/readiness").statusCode());
            assertEquals(1, log.list.stream().filter(e -> e.getThrowableProxy() != null).count(), logText());
        }
    }

    @Test
    void readinessProbeRetriesAFailedStartAfterTheBackOff() throws Exception {
        try (OwnApp app = OwnApp.start(kind, "", FlakyMount.class)) {
            assertEquals(503, get(app, "/flaky/x").statusCode());
            FlakyMount.FAIL = false;
            // No request to the app: a probe alone brings it up, as a load balancer routes nothing here meanwhile.
            awaitStatus(app, "/health/readiness", 200, Duration.ofSeconds(30));
            assertEquals(2, FlakyMount.ATTEMPTS.get());
            assertEquals("up", get(app, "/flaky/x").body());
        }
    }

    @Test
    void eagerSettingStartsTheAppAtDeploy() throws Exception {
        try (OwnApp app = OwnApp.start(kind, "", EAGER, SlowStartMount.class)) {
            assertTrue(app.deployed(), logText());
            assertEquals(1, SlowStartMount.INITS.get());
            assertTrue(logText().contains("Started mounted servlet " + SlowStartMount.class.getName() + " at deploy"),
                    logText());
            HttpResponse<String> r = get(app, "/lazy/b");
            String id = r.headers().firstValue("Functions-Request-Id").orElseThrow();
            assertEquals("/b|" + id + "|" + id, r.body());
            assertEquals(1, SlowStartMount.INITS.get());
        }
        assertEquals(1, SlowStartMount.DESTROYS.get());
    }

    @Test
    void eagerStartThatFailsFailsTheDeploymentNamingTheApp() throws Exception {
        try (OwnApp app = OwnApp.start(kind, "", EAGER, FlakyMount.class)) {
            assertFalse(app.deployed());
            assertTrue(logText().contains(FlakyMount.class.getName() + " failed in init()"), logText());
        }
    }

    @Test
    void unknownStartModeFailsTheDeploymentNamingTheSetting() throws Exception {
        try (OwnApp app = OwnApp.start(kind, "", Map.of("FUNC_MOUNT_START", "sometimes"), SlowStartMount.class)) {
            assertFalse(app.deployed());
            assertTrue(logText().contains("FUNC_MOUNT_START must be lazy or eager, not 'sometimes'"), logText());
        }
    }

    private static HttpResponse<String> awaitStatus(OwnApp app, String path, int status, Duration limit)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            HttpResponse<String> r = get(app, path);
            if (r.statusCode() == status || System.nanoTime() > deadline) {
                assertEquals(status, r.statusCode(), path + ": " + r.body());
                return r;
            }
            Thread.sleep(200);
        }
    }

    private String logText() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
    }

    private static HttpResponse<String> get(OwnApp app, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
