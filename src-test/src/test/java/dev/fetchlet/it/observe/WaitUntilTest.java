package dev.fetchlet.it.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachEmbeddedContainer;
import dev.fetchlet.it.observe.ObservedRoutes.FailsLater;
import dev.fetchlet.it.observe.ObservedRoutes.FunctionLater;
import dev.fetchlet.it.observe.ObservedRoutes.Later;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code ctx.waitUntil} on each embedded container: the work runs after the response (the client holds the whole
 * response while it is still running), a failure is logged once with the request id and trace id and counted in
 * {@code /metrics}, and a stop waits for pending work within the grace period, interrupting it past that.
 */
@OnEachEmbeddedContainer
class WaitUntilTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
    private static final Class<?>[] ROUTES = {Later.class, FailsLater.class, FunctionLater.class};

    private final ContainerKind kind;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger fetchlet = (Logger) LoggerFactory.getLogger("dev.fetchlet");

    WaitUntilTest(ContainerKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void watch() {
        Later.reset();
        log.start();
        fetchlet.addAppender(log);
    }

    @AfterEach
    void unwatch() {
        Later.release.countDown();
        fetchlet.detachAppender(log);
    }

    @Test
    void taskRunsAfterTheResponseAndIsPendingMeanwhile() throws Exception {
        try (ObservedApp app = ObservedApp.start(kind, Map.of(), null, ROUTES)) {
            HttpResponse<String> r = app.get("/later");
            // The whole response is here while the task still waits for the test's release.
            assertEquals("answered", r.body());
            assertTrue(Later.started.await(10, TimeUnit.SECONDS), "the task started");
            assertEquals(1, Later.done.getCount(), "not done before it is released");
            assertEquals(1.0, app.metric("faas_wait_until_pending"));

            Later.release.countDown();
            assertTrue(Later.done.await(10, TimeUnit.SECONDS));
            assertEquals(0.0, awaitMetric(app, "faas_wait_until_pending", 0.0));
            assertEquals(0.0, app.metric("faas_wait_until_failed_total"));
        }
    }

    @Test
    void functionHandsWorkThroughItsContext() throws Exception {
        FunctionLater.done = new CountDownLatch(1);
        try (ObservedApp app = ObservedApp.start(kind, Map.of(), null, ROUTES)) {
            assertEquals("fn", app.post("/fn-later", "x").body());
            assertTrue(FunctionLater.done.await(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void failingTaskIsLoggedOnceWithRequestAndTraceIdsAndCounted() throws Exception {
        try (ObservedApp app = ObservedApp.start(kind, Map.of(), null, ROUTES)) {
            HttpResponse<String> r = app.get("/fails-later", "traceparent", TRACEPARENT);
            assertEquals(200, r.statusCode());

            assertEquals(1.0, awaitMetric(app, "faas_wait_until_failed_total", 1.0));
            List<ILoggingEvent> failures = failures();
            assertEquals(1, failures.size(), failures.toString());
            ILoggingEvent failure = failures.get(0);
            assertEquals(r.headers().firstValue("Functions-Request-Id").orElseThrow(),
                    failure.getMDCPropertyMap().get("requestId"));
            assertEquals(TRACE_ID, failure.getMDCPropertyMap().get("trace_id"));
            assertNotNull(failure.getThrowableProxy());
            assertEquals("the task broke", failure.getThrowableProxy().getMessage());
            assertEquals(0.0, app.metric("faas_wait_until_pending"));
        }
    }

    @Test
    void stopWaitsForAPendingTask() throws Exception {
        ObservedApp app = ObservedApp.start(kind, Map.of(), null, ROUTES);
        assertEquals("answered", app.get("/later").body());
        assertTrue(Later.started.await(10, TimeUnit.SECONDS));
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            Later.release.countDown();
        });
        releaser.start();
        long start = System.nanoTime();
        app.close();
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, Later.done.getCount(), "the stop returned only once the task had finished");
        assertTrue(tookMs >= 500, "the stop waited: " + tookMs + " ms");
    }

    @Test
    void stopInterruptsATaskStillRunningAfterTheGracePeriod() throws Exception {
        ObservedApp app = ObservedApp.start(kind, Map.of("FUNC_GRACE_PERIOD", "1s"), null, ROUTES);
        assertEquals("answered", app.get("/later").body());
        assertTrue(Later.started.await(10, TimeUnit.SECONDS));
        long start = System.nanoTime();
        app.close();
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs >= 900 && tookMs < 10_000, "the stop waited the grace period only: " + tookMs + " ms");
        long end = System.nanoTime() + 5_000_000_000L;
        while (!Later.interrupted && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(Later.interrupted, "the task was interrupted");
        assertEquals(1, Later.done.getCount());
    }

    private List<ILoggingEvent> failures() {
        synchronized (log) {
            return log.list.stream().filter(e -> e.getFormattedMessage().startsWith("A waitUntil task of")).toList();
        }
    }

    private static double awaitMetric(ObservedApp app, String series, double expected) throws Exception {
        long end = System.nanoTime() + 10_000_000_000L;
        double value = app.metric(series);
        while (value != expected && System.nanoTime() < end) {
            Thread.sleep(20);
            value = app.metric(series);
        }
        return value;
    }
}
