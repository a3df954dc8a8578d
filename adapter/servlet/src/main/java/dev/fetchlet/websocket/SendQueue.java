package dev.fetchlet.websocket;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * Serializes the sends of one connection. Jakarta WebSocket allows one message in flight per connection (its
 * basic remote is not thread-safe, and its async remote refuses a second message until the first is written),
 * while a {@code WebSocketSession} promises that any thread may send at any time. So sends wait here in call
 * order and go out one at a time; each completion starts the next.
 *
 * <p>The queue is bounded by the bytes it holds: a client that reads too slowly must not make the server
 * hold an unbounded backlog. Past the bound, {@link #offer} refuses and the caller closes the connection.
 *
 * <p>Threading: {@link #offer} from any thread. Operations start on whichever thread drains the queue (the
 * offering thread, or the thread that completed the previous operation); a completion that arrives inline,
 * on the draining thread, does not recurse but lets the drain loop continue.
 */
final class SendQueue {
    /** One queued operation: starts the send and reports its end through {@code done} exactly once. */
    interface Operation {
        void start(BiConsumer<Void, Throwable> done) throws Exception;
    }

    private record Pending(Operation operation, long bytes, CompletableFuture<Void> future) {
    }

    private final long maxQueuedBytes;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean inFlight;
    private boolean draining;
    private IOException closed;

    SendQueue(long maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /**
     * Queues an operation weighing {@code bytes}.
     *
     * @return its completion; null when the queue is full (nothing was queued)
     */
    CompletionStage<Void> offer(Operation operation, long bytes) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        synchronized (this) {
            if (closed != null) {
                return CompletableFuture.failedFuture(closed);
            }
            if (queuedBytes + bytes > maxQueuedBytes && !queue.isEmpty()) {
                return null;
            }
            queue.add(new Pending(operation, bytes, future));
            queuedBytes += bytes;
        }
        drain();
        return future;
    }

    /** Fails everything still queued and refuses what comes later: the connection is gone. */
    void close(IOException reason) {
        ArrayDeque<Pending> failed;
        synchronized (this) {
            if (closed != null) {
                return;
            }
            closed = reason;
            failed = new ArrayDeque<>(queue);
            queue.clear();
            queuedBytes = 0;
        }
        failed.forEach(p -> p.future.completeExceptionally(reason));
    }

    private void drain() {
        synchronized (this) {
            if (draining) {
                return; // the draining thread will pick the new operation up
            }
            draining = true;
        }
        while (true) {
            Pending next;
            synchronized (this) {
                if (inFlight || queue.isEmpty()) {
                    draining = false;
                    return;
                }
                next = queue.poll();
                queuedBytes -= next.bytes;
                inFlight = true;
            }
            start(next);
        }
    }

    private void start(Pending p) {
        boolean[] reported = {false};
        BiConsumer<Void, Throwable> done = (ignored, error) -> {
            synchronized (this) {
                if (reported[0]) {
                    return;
                }
                reported[0] = true;
                inFlight = false;
            }
            if (error == null) {
                p.future.complete(null);
            } else {
                p.future.completeExceptionally(error);
            }
            drain();
        };
        try {
            p.operation.start(done);
        } catch (Throwable t) {
            done.accept(null, t);
        }
    }
}
