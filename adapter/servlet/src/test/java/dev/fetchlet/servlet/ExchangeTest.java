package dev.fetchlet.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.Response;
import dev.fetchlet.dispatch.Result;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The exchange's state machine: whoever moves it out of RUNNING first (the answer or the watchdog's timeout)
 * writes the one reply; the other gives up. Runs the real {@link Exchange} with a real {@link Watchdog}; only
 * the servlet request and response are replaced, by {@link RecordingHost}.
 */
class ExchangeTest {
    /** The limit of the tests where the timeout must win. */
    private static final long LIMIT_MS = 200;
    /** The limit of the tests where the answer must win: far beyond any pause of a loaded machine. */
    private static final long AMPLE_MS = 30_000;

    private final Watchdog watchdog = new Watchdog(Duration.ofMillis(LIMIT_MS));
    private final RecordingHost host = new RecordingHost();
    private final AtomicInteger written = new AtomicInteger();

    @AfterEach
    void stopWatchdog() {
        watchdog.close();
        Thread.interrupted(); // never leave a flag behind for the next test on this thread
    }

    private Exchange exchange() {
        return exchange(LIMIT_MS);
    }

    private Exchange exchange(long limitMs) {
        return new Exchange(host, "Handler test", response -> {
            written.incrementAndGet();
            host.record("reply:200");
        }, watchdog, limitMs);
    }

    // ---- answered in time ----

    @Test
    void aSynchronousAnswerIsWrittenOnceAndTheExchangeLeavesTheWatchdog() throws Exception {
        exchange(AMPLE_MS).run(() -> Result.ready(Response.text("hi")));
        assertEquals(List.of("reply:200"), host.events());
        assertEquals(0, watchdog.inflight(), "answered, so the watchdog no longer watches it");
    }

    @Test
    void noResponseIs404() throws Exception {
        exchange(AMPLE_MS).run(() -> Result.ready(null));
        assertEquals(List.of("reply:404"), host.replies());
    }

    @Test
    void aThrowingHandlerIsAnsweredWithItsFailureUnwrapped() throws Exception {
        exchange(AMPLE_MS).run(() -> {
            throw new CompletionException(new IllegalStateException("boom"));
        });
        assertEquals(List.of("reply:500 IllegalStateException boom"), host.replies());
        assertEquals(0, watchdog.inflight());
    }

    @Test
    void anAlreadyCompletedStageIsAnsweredWithoutAsyncMode() throws Exception {
        exchange(AMPLE_MS).run(() -> Result.pending(CompletableFuture.completedFuture(Response.text("done"))));
        assertEquals(List.of("reply:200"), host.events());
    }

    @Test
    void aStageCompletedLaterIsAnsweredOnItsThreadAndCompletesTheRequestOnce() throws Exception {
        CompletableFuture<Response> stage = new CompletableFuture<>();
        exchange(AMPLE_MS).run(() -> Result.pending(stage));
        assertEquals(List.of("startAsync"), host.events());
        Thread completer = new Thread(() -> stage.complete(Response.text("later")));
        completer.start();
        completer.join();
        assertTrue(host.awaitComplete(1000));
        assertEquals(List.of("startAsync", "reply:200", "complete"), host.events());
        assertEquals(0, watchdog.inflight(), "answered, so the watchdog no longer watches it");
    }

    @Test
    void aStageFailingLaterIsAnsweredWithTheFailure() throws Exception {
        CompletableFuture<Response> stage = new CompletableFuture<>();
        exchange(AMPLE_MS).run(() -> Result.pending(stage));
        stage.completeExceptionally(new IllegalArgumentException("no name"));
        assertTrue(host.awaitComplete(1000));
        assertEquals(List.of("reply:500 IllegalArgumentException no name"), host.replies());
        assertEquals(1, host.count("complete"));
    }

    @Test
    void aWriterFailingBeforeTheResponseIsCommittedResetsAndAnswers500() throws Exception {
        new Exchange(host, "Handler test", response -> {
            throw new IOException("disk full");
        }, watchdog, AMPLE_MS).run(() -> Result.ready(Response.text("hi")));
        assertEquals(List.of("reset", "reply:500 IOException disk full"), host.events());
    }

    // ---- the timeout racing the answer ----

    @Test
    void aHandlerStillRunningAtTheDeadlineGets504AndItsLateAnswerIsDropped() throws Exception {
        exchange().run(() -> {
            try {
                Thread.sleep(LIMIT_MS * 10);
            } catch (InterruptedException e) {
                // the watchdog's interrupt, sent after the 504 was written: answer anyway, as careless code would
            }
            return Result.ready(Response.text("too late"));
        });
        assertEquals(List.of("reply:504"), host.replies(), "exactly one reply, the timeout's");
        assertEquals(0, written.get());
    }

    @Test
    void theWorkerReturnsOnlyAfterThe504IsWritten() throws Exception {
        exchange().run(() -> {
            Thread.sleep(LIMIT_MS * 10); // interrupted by the watchdog: throws
            return Result.ready(Response.text("never"));
        });
        // run() returned on this thread: had it returned first, the container would end the response as a 200
        assertEquals(List.of("reply:504"), host.replies());
    }

    @Test
    void theInterruptIsClearedBeforeTheWorkerLeaves() throws Exception {
        exchange().run(() -> {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIMIT_MS * 3);
            while (System.nanoTime() < end) {
                Thread.onSpinWait(); // ignores the interrupt: the flag stays set while it spins
            }
            return Result.ready(Response.text("ignored the deadline"));
        });
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt must not leak into the next request");
        assertEquals(List.of("reply:504"), host.replies());
    }

    @Test
    void aStageCompletingAfterTheTimeoutWritesNothingAndTheRequestCompletesOnce() throws Exception {
        CompletableFuture<Response> stage = new CompletableFuture<>();
        exchange().run(() -> Result.pending(stage));
        assertTrue(host.awaitReply(LIMIT_MS * 10), "the watchdog answers");
        assertTrue(host.awaitComplete(1000));
        stage.complete(Response.text("too late"));
        stage.join();
        assertEquals(List.of("startAsync", "reply:504", "complete"), host.events());
        assertEquals(0, written.get());
    }

    @Test
    void aTimeoutBeforeAsyncModeBeganIsCompletedWhenTheStageIsReturned() throws Exception {
        CompletableFuture<Response> stage = new CompletableFuture<>();
        exchange().run(() -> {
            // Spin rather than wait: an interruptible wait could end in the watchdog's interrupt instead.
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait(); // the interrupt comes right after the 504 is written
            }
            Thread.interrupted();
            return Result.pending(stage);
        });
        assertEquals(List.of("reply:504", "startAsync", "complete"), host.events());
        stage.complete(Response.text("too late"));
        assertEquals(0, written.get());
        assertEquals(1, host.count("complete"));
    }

    @Test
    void concurrentAnswersAndTimeoutsAlwaysGiveExactlyOneReply() throws Exception {
        for (int i = 0; i < 40; i++) {
            RecordingHost h = new RecordingHost();
            CompletableFuture<Response> stage = new CompletableFuture<>();
            CountDownLatch started = new CountDownLatch(1);
            new Exchange(h, "Handler race", response -> h.record("reply:200"), watchdog, 20)
                    .run(() -> {
                        started.countDown();
                        return Result.pending(stage);
                    });
            started.await();
            Thread.sleep(15 + (i % 10)); // complete near the 20 ms deadline, on either side of it
            stage.complete(Response.text("x"));
            assertTrue(h.awaitComplete(2000), "completed: " + h.events());
            Thread.sleep(5);
            assertEquals(1, h.replies().size(), "one reply: " + h.events());
            assertEquals(1, h.count("complete"), "completed once: " + h.events());
        }
    }
}
