package dev.fetchlet.launcher;

import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The server's thread pool: virtual threads for requests where the runtime has them. */
final class ThreadPools {

    /** Jetty's own default: the most platform threads the pool runs unless told otherwise. */
    static final int DEFAULT_MAX_THREADS = 200;
    /** Below this the acceptor, the selector and Jetty's reserved threads leave no thread for requests. */
    static final int MIN_THREADS = 8;

    private ThreadPools() {
    }

    /**
     * A pool whose platform threads run Jetty's selectors and acceptors; on a JDK 21+ runtime blocking work,
     * that is every servlet request, is handed to virtual threads. Jetty finds them by reflection, so this
     * class still compiles and runs on 17.
     *
     * @param maxThreads the most platform threads; on JDK 17 it bounds how many requests run at once, the
     *     others wait in the pool's queue (and are still served when a stop begins)
     */
    static QueuedThreadPool create(int maxThreads) {
        QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(MIN_THREADS, maxThreads));
        pool.setName("fetchlet");
        if (VirtualThreads.areSupported()) {
            pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("fetchlet-vt"));
        }
        return pool;
    }
}
