package dev.fetchlet.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The deployment's waitUntil executor: counts, the request's context on the task's thread, the stop. */
class AfterResponseTasksTest {
    private final LogContext request = new LogContext("req-1", Context.root(), null);

    @Test
    void taskRunsWithTheRequestIdAndLeavesThePendingCount() throws Exception {
        AfterResponseTasks tasks = new AfterResponseTasks(Duration.ofSeconds(5));
        AtomicReference<String> seen = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        tasks.registered();
        assertEquals(1, tasks.pending());
        tasks.release(List.of(() -> {
            seen.set(MDC.get("requestId"));
            done.countDown();
        }), request, "GET /a");
        assertTrue(done.await(5, TimeUnit.SECONDS));
        tasks.close();
        assertEquals("req-1", seen.get());
        assertEquals(0, tasks.pending());
        assertEquals(0, tasks.failed());
    }

    @Test
    void failureIsCounted() {
        AfterResponseTasks tasks = new AfterResponseTasks(Duration.ofSeconds(5));
        tasks.registered();
        tasks.release(List.of(() -> {
            throw new java.io.IOException("down");
        }), request, "GET /a");
        tasks.close();
        assertEquals(1, tasks.failed());
        assertEquals(0, tasks.pending());
    }

    @Test
    void closeWaitsForRunningTasksThenInterruptsPastTheGrace() {
        AfterResponseTasks tasks = new AfterResponseTasks(Duration.ofMillis(300));
        AtomicBoolean interrupted = new AtomicBoolean();
        tasks.registered();
        tasks.release(List.of(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        }), request, "GET /a");
        long start = System.nanoTime();
        tasks.close();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= 250 && ms < 5_000, ms + " ms");
        long end = System.nanoTime() + 5_000_000_000L;
        while (!interrupted.get() && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        assertTrue(interrupted.get());
    }

    @Test
    void taskAfterTheStopIsDroppedAndCountedAsFailed() {
        AfterResponseTasks tasks = new AfterResponseTasks(Duration.ofSeconds(1));
        tasks.close();
        tasks.registered();
        tasks.release(List.of(() -> { }), request, "GET /a");
        assertEquals(1, tasks.failed());
        assertEquals(0, tasks.pending());
    }
}
