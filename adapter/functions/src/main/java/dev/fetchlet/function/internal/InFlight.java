package dev.fetchlet.function.internal;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;

/**
 * Counts the requests a route is answering, synchronous or asynchronous, so that {@code shutdown()} can wait
 * for them. A request counts from {@link #enter()} until the servlet call returns or, in async mode, until
 * the async cycle completes.
 */
final class InFlight {
    private int count;

    synchronized void enter() {
        count++;
    }

    /** Called once the servlet call returned: leaves now, or when the request's async cycle ends. */
    void leaveAfter(HttpServletRequest req) {
        if (!req.isAsyncStarted()) {
            leave();
            return;
        }
        req.getAsyncContext().addListener(new AsyncListener() {
            private boolean left;

            private synchronized void once() {
                if (!left) {
                    left = true;
                    leave();
                }
            }

            @Override
            public void onComplete(AsyncEvent event) {
                once();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                // onComplete follows a timeout; nothing to do yet.
            }

            @Override
            public void onError(AsyncEvent event) {
                once();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
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
