package dev.fetchlet.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class SendQueueTest {

    @Test
    void operationsRunOneAtATimeInCallOrder() {
        SendQueue queue = new SendQueue(1_000);
        List<String> started = new ArrayList<>();
        List<BiConsumer<Void, Throwable>> pending = new ArrayList<>();

        for (String name : List.of("a", "b", "c")) {
            queue.offer(done -> {
                started.add(name);
                pending.add(done);
            }, 1);
        }
        assertEquals(List.of("a"), started, "the second waits for the first to complete");

        pending.get(0).accept(null, null);
        assertEquals(List.of("a", "b"), started);
        pending.get(1).accept(null, null);
        assertEquals(List.of("a", "b", "c"), started);
    }

    @Test
    void inlineCompletionsDoNotRecurse() {
        SendQueue queue = new SendQueue(Long.MAX_VALUE);
        AtomicInteger sent = new AtomicInteger();
        CompletionStage<Void> last = null;
        for (int i = 0; i < 100_000; i++) {
            last = queue.offer(done -> {
                sent.incrementAndGet();
                done.accept(null, null); // completes on the draining thread, as a container may
            }, 1);
        }
        assertEquals(100_000, sent.get());
        assertTrue(last.toCompletableFuture().isDone());
    }

    @Test
    void concurrentSendersNeverOverlapAndNoneIsLost() throws Exception {
        SendQueue queue = new SendQueue(Long.MAX_VALUE);
        ExecutorService completer = Executors.newSingleThreadExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> futures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch offered = new CountDownLatch(8 * 500);
        try {
            for (int t = 0; t < 8; t++) {
                senders.execute(() -> {
                    for (int i = 0; i < 500; i++) {
                        int n = i;
                        futures.add(queue.offer(done -> {
                            if (inFlight.incrementAndGet() > 1) {
                                overlaps.incrementAndGet();
                            }
                            order.add(n);
                            completer.execute(() -> { // completes later, on another thread
                                inFlight.decrementAndGet();
                                done.accept(null, null);
                            });
                        }, 1).toCompletableFuture());
                        offered.countDown();
                    }
                });
            }
            assertTrue(offered.await(30, TimeUnit.SECONDS));
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            senders.shutdownNow();
            completer.shutdownNow();
        }
        assertEquals(0, overlaps.get());
        assertEquals(4_000, order.size());
    }

    @Test
    void aFailedOperationFailsItsStageAndTheNextOneStillRuns() {
        SendQueue queue = new SendQueue(1_000);
        CompletionStage<Void> failing = queue.offer(done -> {
            throw new IllegalStateException("container refused");
        }, 1);
        AtomicInteger ran = new AtomicInteger();
        CompletionStage<Void> next = queue.offer(done -> {
            ran.incrementAndGet();
            done.accept(null, null);
        }, 1);

        assertTrue(failing.toCompletableFuture().isCompletedExceptionally());
        assertEquals(1, ran.get());
        assertFalse(next.toCompletableFuture().isCompletedExceptionally());
    }

    @Test
    void theBacklogIsBoundedButOneLargeMessageAlwaysFits() {
        SendQueue queue = new SendQueue(100);
        List<BiConsumer<Void, Throwable>> pending = new ArrayList<>();
        assertNotNull(queue.offer(pending::add, 500), "in flight at once: not counted as backlog");
        assertNotNull(queue.offer(pending::add, 500), "an empty backlog takes even a large message");
        assertNull(queue.offer(pending::add, 1), "past the bound the queue refuses");
    }

    @Test
    void closingFailsWhatIsQueuedAndWhatComesLater() {
        SendQueue queue = new SendQueue(1_000);
        queue.offer(done -> { }, 1); // in flight, never completes
        CompletionStage<Void> queued = queue.offer(done -> { }, 1);

        queue.close(new IOException("closed"));

        assertTrue(queued.toCompletableFuture().isCompletedExceptionally());
        assertTrue(queue.offer(done -> { }, 1).toCompletableFuture().isCompletedExceptionally());
    }
}
