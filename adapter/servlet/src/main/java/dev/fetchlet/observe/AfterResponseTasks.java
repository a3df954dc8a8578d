package dev.fetchlet.observe;

import dev.fetchlet.AfterResponse;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployment's {@code waitUntil} work: an executor of its own (virtual threads on JDK 21+, else a small
 * pool of daemon threads), the count of tasks registered and not yet finished, and of those that failed. A
 * stop waits for the pending ones within the grace period ({@code FUNC_GRACE_PERIOD}), then interrupts them.
 */
public final class AfterResponseTasks {
    private static final Logger LOG = LoggerFactory.getLogger("dev.fetchlet");
    private static final int PLATFORM_THREADS = 8;

    private final ExecutorService executor = newExecutor();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Duration grace;

    AfterResponseTasks(Duration grace) {
        this.grace = grace;
    }

    /** Tasks registered and not yet finished: waiting for their response to complete, queued, or running. */
    public long pending() {
        return pending.get();
    }

    /** Tasks that threw (or could not run because the deployment had stopped), since the deployment started. */
    public long failed() {
        return failed.get();
    }

    /** A task is registered: it counts as pending until it has run. */
    void registered() {
        pending.incrementAndGet();
    }

    /** Runs the tasks of a request whose response is complete, each within the request's context. */
    void release(List<AfterResponse> tasks, LogContext context, String label) {
        for (AfterResponse task : tasks) {
            try {
                executor.execute(context.wrap(() -> runOne(task, label)));
            } catch (RejectedExecutionException e) {
                Runnable leave = context.enter();
                try {
                    LOG.warn("A waitUntil task of {} was dropped: the deployment has stopped", label);
                } finally {
                    leave.run();
                }
                failed.incrementAndGet();
                pending.decrementAndGet();
            }
        }
    }

    private void runOne(AfterResponse task, String label) {
        try {
            task.run();
        } catch (Exception | Error e) {
            failed.incrementAndGet();
            LOG.error("A waitUntil task of {} failed", label, e);
        } finally {
            pending.decrementAndGet();
        }
    }

    /** Stops taking tasks and waits for the pending ones within the grace period; interrupts those left. */
    void close() {
        executor.shutdown();
        long running = pending.get();
        try {
            if (running > 0) {
                LOG.info("Stop: waiting up to {} s for {} waitUntil tasks", grace.toSeconds(), running);
            }
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Stop: {} waitUntil tasks still running after the grace period of {} s; interrupting them",
                        pending.get(), grace.toSeconds());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ExecutorService newExecutor() {
        try {
            // JDK 21+: one virtual thread per task; looked up so the adapter still runs on JDK 17.
            return (ExecutorService) MethodHandles.publicLookup()
                    .findStatic(java.util.concurrent.Executors.class, "newVirtualThreadPerTaskExecutor",
                            MethodType.methodType(ExecutorService.class))
                    .invoke();
        } catch (Throwable unavailable) {
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(PLATFORM_THREADS, PLATFORM_THREADS, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), task -> {
                        Thread t = new Thread(task, "fetchlet-wait-until-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }
}
