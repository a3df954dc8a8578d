package dev.fetchlet.launcher;

import java.util.concurrent.Executor;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The server's thread pool, by {@link ThreadMode}. Jetty finds virtual threads by reflection, so this class
 * still compiles and runs on 17, where every mode runs on platform threads.
 *
 * <p>Why platform threads first: a request handed to a virtual thread costs a thread start, a mount and an
 * unmount, and Jetty can no longer run it on the thread that read it (its execute-produce-consume strategy), so a
 * handler that never blocks spends about a third more CPU per request. Virtual threads pay off only once every
 * platform thread waits, which is when {@link ThreadMode#AUTO} starts to use them.
 */
final class ThreadPools {

    /** Jetty's own default: the most platform threads the pool runs unless told otherwise. */
    static final int DEFAULT_MAX_THREADS = 200;
    /** Below this the acceptor, the selector and Jetty's reserved threads leave no thread for requests. */
    static final int MIN_THREADS = 8;

    private ThreadPools() {
    }

    /** Whether this runtime has virtual threads (JDK 21+). */
    static boolean virtualThreadsSupported() {
        return VirtualThreads.areSupported();
    }

    /**
     * @param maxThreads the most platform threads; in {@link ThreadMode#PLATFORM} mode (and on JDK 17) it bounds
     *     how many requests run at once, the others wait in the pool's queue (and are still served when a stop
     *     begins)
     */
    static QueuedThreadPool create(int maxThreads, ThreadMode mode) {
        int minThreads = Math.min(MIN_THREADS, maxThreads);
        QueuedThreadPool pool;
        if (mode == ThreadMode.AUTO && virtualThreadsSupported()) {
            pool = new OverflowThreadPool(maxThreads, minThreads,
                VirtualThreads.getNamedVirtualThreadsExecutor("fetchlet-vt"));
        } else {
            pool = new QueuedThreadPool(maxThreads, minThreads);
            if (mode == ThreadMode.VIRTUAL && virtualThreadsSupported()) {
                pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("fetchlet-vt"));
            }
        }
        pool.setName("fetchlet");
        return pool;
    }

    /** How a pool runs requests, for the start-up log line. */
    static String describe(QueuedThreadPool pool) {
        if (pool instanceof OverflowThreadPool) {
            return "platform threads, virtual threads once all " + pool.getMaxThreads() + " are busy";
        }
        if (pool.getVirtualThreadsExecutor() != null) {
            return "virtual threads";
        }
        return virtualThreadsSupported() ? "platform threads"
            : "platform threads (virtual threads need a JDK 21+ runtime)";
    }

    /**
     * Runs a job on a pooled platform thread while one is idle or may still be started, and on a virtual thread
     * once the pool is saturated. Jetty's selectors and acceptors start with the pool, so they always get
     * platform threads; a request handler that waits holds its platform thread, and the requests that arrive
     * meanwhile overflow to virtual threads rather than queue behind it.
     */
    static final class OverflowThreadPool extends QueuedThreadPool {
        private final Executor overflow;

        OverflowThreadPool(int maxThreads, int minThreads, Executor overflow) {
            super(maxThreads, minThreads);
            this.overflow = overflow;
        }

        @Override
        public void execute(Runnable job) {
            if (!isRunning() || getQueueSize() < getIdleThreads() || getThreads() < getMaxThreads()) {
                super.execute(job);
            } else {
                overflow.execute(job);
            }
        }
    }
}
