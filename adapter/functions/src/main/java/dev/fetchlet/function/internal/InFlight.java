package dev.fetchlet.function.internal;

import java.time.Duration;

/**
 * Counts the requests a route is answering, synchronous or asynchronous, so that {@code shutdown()} can wait
 * for them. A request counts from {@link #enter()} until its answer is complete (the route leaves through
 * {@code RequestScope.whenAnswered}, which waits for an async cycle to end).
 */
final class InFlight {
    private int count;

    synchronized void enter() {
        count++;
    }

    synchronized void leave() {
        count--;
        if (count == 0) {
            notifyAll();
        }
    }

    synchronized int count() {
        return count;
    }

    /** Waits until nothing is in flight or {@code limit} has passed; true when drained. */
    synchronized boolean awaitIdle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (count > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
