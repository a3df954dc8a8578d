package dev.fetchlet.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.Response;
import dev.fetchlet.dispatch.Result;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The watchdog: times out what passed its deadline, never before it, and nothing it was told to forget. */
class WatchdogTest {
    @Test
    void timesOutAnExchangeOnceItsDeadlineHasPassedAndNotBefore() throws Exception {
        try (Watchdog watchdog = new Watchdog(Duration.ofMillis(100))) {
            RecordingHost host = new RecordingHost();
            long start = System.nanoTime();
            new Exchange(host, "Handler slow", r -> host.record("reply:200"), watchdog, 100)
                    .run(() -> Result.pending(new CompletableFuture<Response>()));
            assertEquals(1, watchdog.inflight());
            assertTrue(host.awaitReply(2000));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 100, "not before the deadline: " + ms + " ms");
            // One sweep (10 ms here) after the deadline on a quiet machine; the bound leaves room for a loaded one.
            assertTrue(ms < 1500, "soon after the deadline: " + ms + " ms");
            assertEquals(0, watchdog.inflight(), "a timed out exchange leaves the set");
        }
    }

    @Test
    void anAnsweredExchangeIsForgottenAndNeverTimedOut() throws Exception {
        try (Watchdog watchdog = new Watchdog(Duration.ofMillis(100))) {
            RecordingHost host = new RecordingHost();
            CompletableFuture<Response> stage = new CompletableFuture<>();
            // A deadline far off, so the answer wins even on a loaded machine; sweeps run every 10 ms meanwhile.
            new Exchange(host, "Handler quick", r -> host.record("reply:200"), watchdog, 1000)
                    .run(() -> Result.pending(stage));
            stage.complete(Response.text("ok"));
            assertEquals(0, watchdog.inflight());
            Thread.sleep(1500); // past the deadline it would have had
            assertEquals(List.of("reply:200"), host.replies());
        }
    }

    @Test
    void sweepsManyExchangesEachOnce() throws Exception {
        try (Watchdog watchdog = new Watchdog(Duration.ofMillis(30))) {
            RecordingHost[] hosts = new RecordingHost[50];
            for (int i = 0; i < hosts.length; i++) {
                RecordingHost host = hosts[i] = new RecordingHost();
                new Exchange(host, "Handler " + i, r -> host.record("reply:200"), watchdog, 30)
                        .run(() -> Result.pending(new CompletableFuture<Response>()));
            }
            for (RecordingHost host : hosts) {
                assertTrue(host.awaitComplete(2000));
            }
            Thread.sleep(100);
            for (RecordingHost host : hosts) {
                assertEquals(List.of("startAsync", "reply:504", "complete"), host.events());
            }
        }
    }
}
