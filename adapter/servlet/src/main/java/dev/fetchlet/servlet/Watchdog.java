package dev.fetchlet.servlet;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Enforces the wall-time limit. In-flight exchanges sit in a set that one daemon thread sweeps a few times a
 * second; that costs a request one add and one remove, where a timer task per request would cost a heap
 * operation under a lock. The limit is therefore kept to within one sweep interval.
 */
final class Watchdog implements AutoCloseable {
    private final Set<Exchange> inflight = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper;

    Watchdog(Duration limit) {
        long interval = Math.max(10, Math.min(100, limit.toMillis() / 10));
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fetchlet-watchdog");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, interval, interval, TimeUnit.MILLISECONDS);
    }

    void watch(Exchange e) {
        inflight.add(e);
    }

    void forget(Exchange e) {
        inflight.remove(e);
    }

    /** How many handler calls are running or awaiting their result. */
    int inflight() {
        return inflight.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Exchange e : inflight) {
            if (now - e.deadline() >= 0 && inflight.remove(e)) {
                try {
                    e.timeout();
                } catch (RuntimeException ignored) {
                    // One broken exchange must not stop the sweeper for the others.
                }
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
