package dev.fetchlet.launcher;

import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The server's thread pool: virtual threads for requests where the runtime has them. */
final class ThreadPools {

    private ThreadPools() {
    }

    /**
     * A pool whose platform threads run Jetty's selectors and acceptors; on a JDK 21+ runtime blocking work,
     * that is every servlet request, is handed to virtual threads. Jetty finds them by reflection, so this
     * class still compiles and runs on 17.
     */
    static QueuedThreadPool create() {
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName("fetchlet");
        if (VirtualThreads.areSupported()) {
            pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("fetchlet-vt"));
        }
        return pool;
    }
}
